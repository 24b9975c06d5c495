import {
  categoricalHistogramSpec,
  featureHistogramSpec,
  numericHistogramSpec
} from '../../../src/charts/specs';
import { StatisticsDocument } from '../../../src/engine/documents/statistics';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { HOSTILE_NAME, statisticsDocument } from '../fixtures/documents';

const options = { height: 200, measure: 'count' as const };

function values(spec: any): any[] {
  return spec.data.values;
}

describe('numericHistogramSpec', () => {
  const [age] = statisticsDocument().features;
  const spec: any = numericHistogramSpec(
    'age',
    age.numerical_statistics!.distribution!.kll.buckets,
    options
  );

  it('draws one bar per KLL bucket spanning its bounds', () => {
    expect(values(spec)).toEqual([
      { lower: 20, upper: 40, range: '20 – 40', count: 3, share: 3 / 8 },
      { lower: 40, upper: 60, range: '40 – 60', count: 5, share: 5 / 8 }
    ]);
    expect(spec.encoding.x).toMatchObject({ field: 'lower', bin: { binned: true }, title: 'age' });
    expect(spec.encoding.x2).toEqual({ field: 'upper' });
    expect(spec.encoding.y.field).toBe('count');
  });

  it('has tooltips, the requested height and the container width', () => {
    expect(spec.mark.tooltip).toBe(true);
    expect(spec.encoding.tooltip.map((t: any) => t.field)).toEqual(['range', 'count', 'share']);
    expect(spec.height).toBe(200);
    expect(spec.width).toBe('container');
  });

  it('plots shares when asked', () => {
    const shares: any = numericHistogramSpec(
      'age',
      age.numerical_statistics!.distribution!.kll.buckets,
      {
        ...options,
        measure: 'share'
      }
    );
    expect(shares.encoding.y).toMatchObject({ field: 'share', axis: { format: '%' } });
  });
});

describe('categoricalHistogramSpec', () => {
  it('keeps category values and feature names as data, never as field names', () => {
    const spec: any = categoricalHistogramSpec(
      HOSTILE_NAME,
      [
        { value: 'a.b[0]', count: 1 },
        { value: 'c', count: 3 }
      ],
      options
    );
    expect(values(spec).map(v => v.value)).toEqual(['a.b[0]', 'c']);
    expect(spec.encoding.x.field).toBe('value');
    expect(spec.encoding.x.title).toBe(HOSTILE_NAME);
    expect(JSON.stringify(spec.encoding)).not.toContain('a.b[0]');
    expect(spec.encoding.x.sort).toEqual({ field: 'count', order: 'descending' });
  });

  it('slants category labels only when there are many', () => {
    const few: any = categoricalHistogramSpec('f', [{ value: 'a', count: 1 }], options);
    const many: any = categoricalHistogramSpec(
      'f',
      Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, count: i })),
      options
    );
    expect(few.encoding.x.axis.labelAngle).toBe(0);
    expect(many.encoding.x.axis.labelAngle).toBe(-45);
  });
});

describe('featureHistogramSpec', () => {
  const document = statisticsDocument();

  it('picks KLL buckets for numeric and categorical buckets for string features', () => {
    expect((featureHistogramSpec(document.features[0], options) as any).encoding.x.field).toBe(
      'lower'
    );
    expect((featureHistogramSpec(document.features[1], options) as any).encoding.x.field).toBe(
      'value'
    );
  });

  it('draws a constant column as a single bar instead of zero-width bins', () => {
    const spec: any = featureHistogramSpec(document.features[2], options);
    expect(values(spec)).toEqual([{ value: '1.5', count: 4, share: 1 }]);
  });

  it('returns null when a feature has no distribution', () => {
    expect(featureHistogramSpec({ name: 'x', inferred_type: 'Unknown' }, options)).toBeNull();
  });
});

describeConformance('specs on a real SageMaker statistics.json', () => {
  it('builds a 10-bar histogram for every numeric feature', () => {
    const document: StatisticsDocument = JSON.parse(
      readConformance('sagemaker-python-sdk/quality_check_step/data_quality/statistics.json')
    );
    const numeric = document.features.filter(f => f.numerical_statistics);
    expect(numeric.length).toBeGreaterThan(0);
    for (const feature of numeric) {
      const spec: any = featureHistogramSpec(feature, options);
      const total = feature.numerical_statistics!.common.num_present;
      const counted = values(spec).reduce((sum, v) => sum + v.count, 0);
      expect(values(spec).length === 10 || values(spec).length === 1).toBe(true);
      expect(Math.abs(counted - total)).toBeLessThanOrEqual(total * 0.05);
    }
  });
});
