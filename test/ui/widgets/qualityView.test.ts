import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { checkQuality, suggestQualityConstraints } from '../../../src/engine/modelQuality';
import { writeQualityViolations } from '../../../src/engine/modelQuality/qualityDocuments';
import { checkedConstraints } from '../../../src/engine/modelQuality/qualityViolations';
import { formatNumber } from '../../../src/widgets/format';
import { STATISTICS_MIME_TYPE, rendererFactory } from '../../../src/mime';
import { classifyDocument } from '../../../src/models/parseDocuments';
import { qualityDocument } from '../../../src/models/qualityDocument';
import { QualityView } from '../../../src/widgets/QualityView';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { binaryStatistics, regressionStatistics } from '../qualityFixtures';

jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');
const QC = 'sagemaker-python-sdk/quality_check_step/model_quality/';

/** Binary statistics with an auc threshold above the observed value, so auc is violated. */
function binaryWithViolation() {
  const statistics = binaryStatistics();
  const constraints: any = suggestQualityConstraints(statistics, 'BinaryClassification');
  constraints.binary_classification_constraints.auc.threshold = 0.99;
  const violations = { violations: checkQuality(statistics, constraints, 'BinaryClassification') };
  return { statistics, constraints, violations };
}

function rowTexts(view: Widget): string[][] {
  return [...view.node.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('td')].map(td => td.textContent ?? '')
  );
}

describeConformance('qualityDocument on real files', () => {
  it('reads the real regression statistics and constraints', () => {
    const doc = qualityDocument(
      JSON.parse(readConformance(QC + 'statistics.json')),
      JSON.parse(readConformance(QC + 'constraints.json'))
    )!;
    expect(doc.problem).toBe('regression');
    expect(doc.itemCount).toBe(100);
    expect(doc.rows.map(r => r.metric)).toEqual(['mae', 'mse', 'rmse', 'r2']);
    expect(doc.rows[0]).toMatchObject({
      value: 0.5040653554420981,
      standardDeviation: 'NaN',
      threshold: 0.5040653554420981,
      operator: 'GreaterThanThreshold',
      violated: false
    });
    expect(doc.rows[3].operator).toBe('LessThanThreshold');
    expect(doc.violationsChecked).toBe(false);
  });

  it('reads the model card regression statistics (numeric std dev, evaluation time)', () => {
    const doc = qualityDocument(
      JSON.parse(
        readConformance(
          'sagemaker-python-sdk/model_card/model_monitor_model_quality_regression.json'
        )
      )
    )!;
    expect(doc.evaluationTime).toBe('2023-03-30T21:08:34.729Z');
    expect(Number(doc.rows[0].standardDeviation)).toBeCloseTo(0.019549525493231325, 15);
  });

  it('marks a violated metric from its camelCase metric_name', () => {
    const { statistics, constraints, violations } = binaryWithViolation();
    const doc = qualityDocument(statistics, constraints, violations)!;
    const violated = doc.rows.filter(r => r.violated).map(r => r.metric);
    expect(violated).toEqual(['auc']);
    expect(doc.rows.find(r => r.metric === 'auc')!.violation).toMatch(/^Metric auc with /);
    expect(doc.confusionMatrix).toEqual({ '0': { '0': 173, '1': 0 }, '1': { '0': 12, '1': 16 } });
    expect(doc.violationsChecked).toBe(true);
  });

  it('is classified as model quality, not data quality', () => {
    expect(classifyDocument(binaryStatistics()).kind).toBe('quality');
    expect(classifyDocument(JSON.parse(readConformance(QC + 'statistics.json'))).kind).toBe(
      'quality'
    );
  });
});

describeConformance('QualityView', () => {
  it('shows the metrics table, the violated badge and the binary charts', async () => {
    const { statistics, constraints, violations } = binaryWithViolation();
    const files: Record<string, unknown> = {
      'constraints.json': constraints,
      'constraint_violations.json': violations
    };
    const view = new QualityView(statistics, trans, async name => files[name] ?? null);
    Widget.attach(view, document.body);
    await view.ready;
    const rows = rowTexts(view);
    const auc = rows.find(r => r[0] === 'auc')!;
    expect(auc[3]).toBe('0.99');
    expect(auc[4]).toBe('LessThanThreshold');
    expect(auc[5]).toBe('Violated');
    expect(rows.find(r => r[0] === 'accuracy')![5]).toBe('OK');
    expect(view.charts.map(c => c.node.dataset.chart)).toEqual([
      'Confusion matrix',
      'ROC curve',
      'Precision-recall curve'
    ]);
    expect(view.node.querySelector('.jp-ModelMonitor-summary')!.textContent).toContain(
      '1 violated metric'
    );
    view.dispose();
  });

  it('shows every checked threshold for a run folder, which has no constraints.json', async () => {
    const { statistics, constraints } = binaryWithViolation();
    // As the engine's model-quality run writes it: violations, then the thresholds it checked.
    const violations = JSON.parse(
      writeQualityViolations(
        checkQuality(statistics, constraints, 'BinaryClassification'),
        checkedConstraints(constraints, 'BinaryClassification')
      )
    );
    const files: Record<string, unknown> = { 'constraint_violations.json': violations };
    const view = new QualityView(statistics, trans, async name => files[name] ?? null);
    Widget.attach(view, document.body);
    await view.ready;
    const rows = rowTexts(view);
    const accuracy = rows.find(r => r[0] === 'accuracy')!;
    const expected = constraints.binary_classification_constraints.accuracy.threshold;
    expect(accuracy[3]).toBe(formatNumber(expected));
    expect(accuracy[4]).toBe('LessThanThreshold');
    expect(accuracy[5]).toBe('OK');
    expect(rows.find(r => r[0] === 'auc')!.slice(3)).toEqual([
      '0.99',
      'LessThanThreshold',
      'Violated'
    ]);
    // f0_5 is constrained but SageMaker's binary runs never check it: no threshold, not "OK".
    expect(rows.find(r => r[0] === 'f0_5')!.slice(3)).toEqual(['—', '—', 'No constraint']);
    view.dispose();
  });

  it('shows the residual histogram for regression and "Not checked" without violations', async () => {
    const view = new QualityView(regressionStatistics(), trans);
    Widget.attach(view, document.body);
    await view.ready;
    expect(view.charts.map(c => c.node.dataset.chart)).toEqual(['Residuals (actual − predicted)']);
    expect(rowTexts(view).map(r => r[5])).toEqual([
      'Not checked',
      'Not checked',
      'Not checked',
      'Not checked'
    ]);
    view.dispose();
  });

  it('renders hostile metric names and labels as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const view = new QualityView(
      {
        multiclass_classification_metrics: {
          [hostile]: { value: 1, standard_deviation: hostile },
          confusion_matrix: { [hostile]: { [hostile]: 3 } }
        }
      },
      trans
    );
    Widget.attach(view, document.body);
    expect(view.node.querySelector('img')).toBeNull();
    expect(rowTexts(view)[0][0]).toBe(hostile);
    expect(rowTexts(view)[0][2]).toBe(hostile);
    view.dispose();
  });

  it('is what the MIME renderer shows for model-quality statistics', async () => {
    const renderer = rendererFactory.createRenderer({
      mimeType: STATISTICS_MIME_TYPE
    } as any) as any;
    Widget.attach(renderer, document.body);
    await renderer.renderModel({
      data: { [STATISTICS_MIME_TYPE]: binaryStatistics() },
      metadata: {}
    });
    expect(renderer.node.querySelector('.jp-ModelMonitor-qualityView')).not.toBeNull();
    expect(renderer.node.querySelector('.jp-ModelMonitor-statisticsView')).toBeNull();
    renderer.dispose();
  });
});

describeConformance('a run output folder without constraints.json', () => {
  it('takes the threshold of a violated metric from its violation text', () => {
    const { statistics, violations } = binaryWithViolation();
    const doc = qualityDocument(statistics, null, violations)!;
    const auc = doc.rows.find(r => r.metric === 'auc')!;
    expect(auc).toMatchObject({ threshold: 0.99, operator: 'LessThanThreshold', violated: true });
    expect(doc.rows.find(r => r.metric === 'accuracy')!.threshold).toBeNull();
  });
});

describeConformance('badges in a run output folder', () => {
  it('says OK for unviolated metrics when only the violations were read', async () => {
    const { statistics, violations } = binaryWithViolation();
    const view = new QualityView(statistics, trans, async name =>
      name === 'constraint_violations.json' ? violations : null
    );
    Widget.attach(view, document.body);
    await view.ready;
    const rows = rowTexts(view);
    expect(rows.find(r => r[0] === 'auc')![5]).toBe('Violated');
    expect(rows.find(r => r[0] === 'accuracy')![5]).toBe('OK');
    view.dispose();
  });
});
