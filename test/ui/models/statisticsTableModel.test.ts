import { featureRow } from '../../../src/models/featureRows';
import { StatisticsTableModel } from '../../../src/models/StatisticsTableModel';
import { StatisticsDocument } from '../../../src/engine/documents/statistics';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { HOSTILE_NAME, statisticsDocument } from '../fixtures/documents';

describe('featureRow', () => {
  it('flattens numeric statistics', () => {
    const row = featureRow(statisticsDocument().features[0], 0);
    expect(row).toEqual({
      index: 0,
      name: 'age',
      type: 'Integral',
      present: 8,
      missing: 2,
      missingShare: 0.2,
      mean: 40,
      stdDev: 10,
      min: 20,
      max: 60,
      distinct: undefined
    });
  });

  it('takes the distinct count of string features', () => {
    const row = featureRow(statisticsDocument().features[1], 1);
    expect(row).toMatchObject({ name: HOSTILE_NAME, type: 'String', distinct: 2, mean: undefined });
  });
});

describe('StatisticsTableModel', () => {
  const names = (model: StatisticsTableModel) => model.visibleRows.map(r => r.name);

  it('lists features in document order and selects the first', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    expect(names(model)).toEqual(['age', HOSTILE_NAME, 'constant']);
    expect(model.selected).toBe(0);
    expect(model.featureCount).toBe(3);
    expect(model.itemCount).toBe(10);
  });

  it('filters by name or type, case-insensitively, and signals it', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    const seen = jest.fn();
    model.rowsChanged.connect(seen);
    model.setFilter('AG');
    expect(names(model)).toEqual(['age']);
    model.setFilter('string');
    expect(names(model)).toEqual([HOSTILE_NAME]);
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('sorts ascending then descending, missing values last both ways', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    model.sortBy('mean');
    expect(names(model)).toEqual(['constant', 'age', HOSTILE_NAME]);
    model.sortBy('mean');
    expect(model.sort).toEqual({ column: 'mean', direction: 'descending' });
    expect(names(model)).toEqual(['age', 'constant', HOSTILE_NAME]);
    model.sortBy('missingShare');
    expect(names(model)).toEqual([HOSTILE_NAME, 'age', 'constant']);
  });

  it('selects by document index and ignores out-of-range indices', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    const seen = jest.fn();
    model.selectionChanged.connect((_, index) => seen(index));
    model.select(2);
    model.select(2);
    model.select(9);
    expect(seen.mock.calls).toEqual([[2]]);
    expect(model.selectedFeature?.name).toBe('constant');
  });

  it('has no selection for a document without features', () => {
    const empty: StatisticsDocument = { version: 0, dataset: { item_count: 0 }, features: [] };
    expect(new StatisticsTableModel(empty).selectedFeature).toBeNull();
  });
});

describeConformance('StatisticsTableModel on a real SageMaker statistics.json', () => {
  it('has one row per feature with present + missing = item_count', () => {
    const document: StatisticsDocument = JSON.parse(
      readConformance('sagemaker-python-sdk/quality_check_step/data_quality/statistics.json')
    );
    const model = new StatisticsTableModel(document);
    expect(model.visibleRows).toHaveLength(document.features.length);
    for (const row of model.visibleRows) {
      expect(row.present + row.missing).toBe(document.dataset.item_count);
    }
  });
});
