import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { MetricHistory } from '../../../src/api/types';
import { qualityMetricPoints } from '../../../src/models/metricHistory';
import { anyQualityConstraints, breachesThreshold } from '../../../src/models/qualityDocument';
import { MetricHistoryView } from '../../../src/widgets/MetricHistoryView';
import { describeConformance, readConformance } from '../../helpers/conformance';

jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');

function series(name: string, values: number[]) {
  return {
    name,
    metric: name.replace(/^dataset_/, ''),
    feature: null,
    points: values.map((value, i) => ({
      time: `2026-11-0${i + 1}T00:00:00Z`,
      value,
      execution_id: `e${i}`
    }))
  };
}

describe('breachesThreshold', () => {
  it('follows the comparison operator', () => {
    const less = { threshold: 0.5, comparison_operator: 'LessThanThreshold' };
    const greater = { threshold: 0.5, comparison_operator: 'GreaterThanThreshold' };
    expect([0.4, 0.5, 0.6].map(v => breachesThreshold(v, less))).toEqual([true, false, false]);
    expect([0.4, 0.5, 0.6].map(v => breachesThreshold(v, greater))).toEqual([false, false, true]);
  });
});

describeConformance('quality metric history against the real baseline constraints', () => {
  const constraints = anyQualityConstraints(
    JSON.parse(
      readConformance('sagemaker-python-sdk/quality_check_step/model_quality/constraints.json')
    )
  );
  const history: MetricHistory = {
    monitor_id: 'm1',
    series: [
      series('dataset_item_count', [100, 120, 90]),
      series('dataset_violations', [0, 1, 0]),
      series('mae', [0.45, 0.6, 0.5]),
      series('r2', [-3, -3.5, -2])
    ]
  };

  it('reads every regression constraint', () => {
    expect(Object.keys(constraints)).toEqual(['mae', 'mse', 'rmse', 'r2']);
  });

  it('marks the runs beyond the threshold', () => {
    expect(qualityMetricPoints(history.series[2], constraints.mae).map(p => p.violated)).toEqual([
      false,
      true,
      false
    ]);
  });

  it('shows a constrained metric first, with its threshold rule', () => {
    const view = new MetricHistoryView(history, trans, constraints);
    Widget.attach(view, document.body);
    const select = view.node.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map(o => o.textContent)).toEqual([
      'mae',
      'r2',
      'dataset_item_count',
      'dataset_violations'
    ]);
    const spec: any = view.chart.spec;
    expect(spec.layer[2].data.values).toEqual([{ threshold: 0.5040653554420981 }]);
    expect(view.node.querySelector('.jp-ModelMonitor-metricThreshold')!.textContent).toBe(
      'Baseline threshold: 0.504065 (GreaterThanThreshold)'
    );
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    expect((view.chart.spec as any).layer).toHaveLength(2);
    expect(view.node.querySelector('.jp-ModelMonitor-metricThreshold')!.textContent).toBe('');
    view.dispose();
  });
});

describe('the metric picker (#18 item 17)', () => {
  const feature = (name: string, metric: string, featureName: string) => ({
    ...series(name, [0.1, 0.2]),
    metric,
    feature: featureName
  });
  const history: MetricHistory = {
    monitor_id: 'picker',
    series: [
      series('dataset_item_count', [100, 120]),
      feature('feature_baseline_drift_age', 'baseline_drift', 'age'),
      feature('feature_completeness_age', 'completeness', 'age'),
      feature('feature_baseline_drift_income', 'baseline_drift', 'income')
    ]
  };
  const open = () => {
    const view = new MetricHistoryView(history, trans);
    Widget.attach(view, document.body);
    return { view, select: view.node.querySelector('select') as HTMLSelectElement };
  };

  it('groups the metrics by feature, with short names', () => {
    const { view, select } = open();
    const groups = [...select.querySelectorAll('optgroup')].map(g => [
      g.label,
      [...g.querySelectorAll('option')].map(o => o.textContent)
    ]);
    expect(groups).toEqual([
      ['Dataset', ['dataset_item_count']],
      ['Feature: age', ['baseline_drift', 'completeness']],
      ['Feature: income', ['baseline_drift']]
    ]);
    view.dispose();
  });

  it('shows the metric chosen last when the view opens again', () => {
    const first = open();
    const income = [...first.select.options].find(
      o => o.parentElement!.getAttribute('label') === 'Feature: income'
    )!.value;
    first.select.value = income;
    first.select.dispatchEvent(new Event('change'));
    first.view.dispose();
    const again = open();
    expect(again.select.value).toBe(income);
    expect(JSON.stringify(again.view.chart.spec)).toContain('feature_baseline_drift_income');
    again.view.dispose();
  });

  it('draws a drift series against its feature’s drift threshold', () => {
    const view = new MetricHistoryView(history, trans, {}, { age: 0.2, income: 0.1 });
    Widget.attach(view, document.body);
    const select = view.node.querySelector('select') as HTMLSelectElement;
    const ageDrift = [...select.options].find(
      o => o.parentElement!.getAttribute('label') === 'Feature: age' && o.text === 'baseline_drift'
    )!.value;
    select.value = ageDrift;
    select.dispatchEvent(new Event('change'));
    const layers = (view.chart.spec as any).layer;
    expect(layers[layers.length - 1].data.values).toEqual([{ threshold: 0.2 }]);
    expect(view.node.querySelector('.jp-ModelMonitor-metricThreshold')!.textContent).toBe(
      'Drift threshold: 0.2'
    );
    const completeness = [...select.options].find(o => o.text === 'completeness')!.value;
    select.value = completeness;
    select.dispatchEvent(new Event('change'));
    expect((view.chart.spec as any).layer).toHaveLength(2);
    view.dispose();
  });

  it('draws other metrics on the same chart, each with its threshold, and takes them off', () => {
    const view = new MetricHistoryView(history, trans, {}, { age: 0.2, income: 0.1 });
    Widget.attach(view, document.body);
    const [main, compare] = [...view.node.querySelectorAll('select')] as HTMLSelectElement[];
    const pick = (select: HTMLSelectElement, group: string, text: string) => {
      select.value = [...select.options].find(
        o => o.parentElement!.getAttribute('label') === group && o.text === text
      )!.value;
      select.dispatchEvent(new Event('change'));
    };
    pick(main, 'Feature: age', 'baseline_drift');
    pick(compare, 'Feature: income', 'baseline_drift');
    pick(compare, 'Feature: age', 'baseline_drift'); // the chosen one: not added twice
    expect(compare.value).toBe('');
    const spec = view.chart.spec as any;
    const names = new Set(spec.layer[0].data.values.map((v: any) => v.series));
    expect([...names]).toEqual(['feature_baseline_drift_age', 'feature_baseline_drift_income']);
    expect(spec.layer[2].data.values).toEqual([
      { series: 'feature_baseline_drift_age', threshold: 0.2 },
      { series: 'feature_baseline_drift_income', threshold: 0.1 }
    ]);
    (view.node.querySelector('.jp-ModelMonitor-chipRemove') as HTMLButtonElement).click();
    expect(view.node.querySelector('.jp-ModelMonitor-chip')).toBeNull();
    expect((view.chart.spec as any).layer[2].data.values).toEqual([{ threshold: 0.2 }]);
    view.dispose();
  });
});
