import { ViolationsDocument } from '../../../src/engine/documents/violations';
import { ViolationsTableModel } from '../../../src/models/ViolationsTableModel';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { violationsDocument } from '../fixtures/documents';

describe('ViolationsTableModel', () => {
  it('lists check types in first-seen order and filters by one', () => {
    const model = new ViolationsTableModel(violationsDocument());
    expect(model.checkTypes).toEqual(['data_type_check', 'completeness_check']);
    model.setCheckTypeFilter('data_type_check');
    expect(model.visibleRows.map(r => r.feature)).toEqual(['age', 'income']);
    model.setCheckTypeFilter('');
    expect(model.visibleRows).toHaveLength(3);
  });

  it('exposes our drift tests, or null for a SageMaker file', () => {
    expect(new ViolationsTableModel(violationsDocument()).driftTests).toHaveLength(3);
    expect(new ViolationsTableModel({ violations: [] }).driftTests).toBeNull();
  });

  it('shows only the drift tests that found drift when asked', () => {
    const model = new ViolationsTableModel(violationsDocument());
    model.setDriftOnly(true);
    expect(model.visibleDriftTests.map(t => `${t.feature_name}/${t.test}`)).toEqual(['age/ks']);
    model.setDriftOnly(false);
    expect(model.visibleDriftTests).toHaveLength(3);
  });

  it('reads model-quality violations (metric_name instead of feature_name)', () => {
    const document = {
      violations: [
        {
          metric_name: 'auc',
          constraint_check_type: 'LessThanThreshold',
          description: 'Metric auc'
        }
      ]
    } as unknown as ViolationsDocument;
    expect(new ViolationsTableModel(document).visibleRows[0].feature).toBe('auc');
  });
});

describeConformance('ViolationsTableModel on a real SageMaker constraint_violations.json', () => {
  it('reads every violation and its check types', () => {
    const document: ViolationsDocument = JSON.parse(
      readConformance('sagemaker-python-sdk/monitor/constraint_violations.json')
    );
    const model = new ViolationsTableModel(document);
    expect(model.violationCount).toBe(document.violations.length);
    expect(model.checkTypes).toEqual(
      expect.arrayContaining(['data_type_check', 'completeness_check', 'categorical_values_check'])
    );
    expect(model.driftTests).toBeNull();
  });
});
