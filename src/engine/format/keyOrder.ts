/**
 * The key order SageMaker writes (FORMATS.md §3–§5). Known keys come first in this order; keys we do
 * not know keep their own order after them, so foreign documents re-serialise without loss.
 */
import { entriesOf } from './jackson';

export interface Shape {
  order: string[];
  /** Shapes of object members, by key. */
  members?: Record<string, Shape>;
  /** Shape of every element, when this value is an array. */
  items?: Shape;
}

const COMMON: Shape = { order: ['num_present', 'num_missing'] };

const KLL: Shape = {
  order: ['buckets', 'sketch'],
  members: {
    buckets: { order: [], items: { order: ['lower_bound', 'upper_bound', 'count'] } },
    sketch: {
      order: ['parameters', 'data'],
      members: { parameters: { order: ['c', 'k'] } }
    }
  }
};

const CATEGORICAL: Shape = {
  order: ['buckets'],
  members: { buckets: { order: [], items: { order: ['value', 'count'] } } }
};

const NUMERICAL: Shape = {
  order: [
    'common',
    'mean',
    'sum',
    'std_dev',
    'min',
    'max',
    'approximate_num_distinct_values',
    'completeness',
    'distribution'
  ],
  members: { common: COMMON, distribution: { order: ['kll'], members: { kll: KLL } } }
};

const STRING: Shape = {
  order: ['common', 'distinct_count', 'completeness', 'distribution'],
  members: {
    common: COMMON,
    distribution: { order: ['categorical'], members: { categorical: CATEGORICAL } }
  }
};

export const STATISTICS_SHAPE: Shape = {
  order: ['version', 'dataset', 'features'],
  members: {
    dataset: { order: ['item_count', 'evaluation_time'] },
    features: {
      order: [],
      items: {
        order: ['name', 'inferred_type', 'numerical_statistics', 'string_statistics'],
        members: { numerical_statistics: NUMERICAL, string_statistics: STRING }
      }
    }
  }
};

export const CONSTRAINTS_SHAPE: Shape = {
  order: ['version', 'features', 'monitoring_config'],
  members: {
    features: {
      order: [],
      items: {
        order: ['name', 'inferred_type', 'completeness', 'num_constraints', 'string_constraints'],
        members: {
          num_constraints: { order: ['is_non_negative'] },
          string_constraints: { order: ['domains', 'monitoring_config_overrides'] }
        }
      }
    },
    monitoring_config: {
      order: [
        'evaluate_constraints',
        'emit_metrics',
        'datatype_check_threshold',
        'domain_content_threshold',
        'distribution_constraints'
      ],
      members: {
        distribution_constraints: {
          order: [
            'perform_comparison',
            'comparison_threshold',
            'comparison_method',
            'categorical_comparison_threshold',
            'categorical_drift_method'
          ]
        }
      }
    }
  }
};

export const VIOLATIONS_SHAPE: Shape = {
  order: ['violations', 'x-jupyterlab-model-monitor'],
  members: {
    violations: {
      order: [],
      items: { order: ['feature_name', 'constraint_check_type', 'description', 'metric_name'] }
    },
    'x-jupyterlab-model-monitor': {
      order: ['version', 'drift_tests'],
      members: {
        drift_tests: {
          order: [],
          items: {
            order: ['feature_name', 'test', 'statistic', 'p_value', 'threshold', 'drift', 'skipped']
          }
        }
      }
    }
  }
};

/** A copy of `value` with object keys in `shape`'s order (unknown keys last, in their order). */
export function applyShape(value: unknown, shape: Shape | undefined): unknown {
  if (!shape || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(item => applyShape(item, shape.items));
  }
  const members = new Map(entriesOf(value));
  const known = shape.order.filter(key => members.has(key));
  const rest = [...members.keys()].filter(key => !shape.order.includes(key));
  const entries = [...known, ...rest].map(
    key => [key, applyShape(members.get(key), shape.members?.[key])] as [string, unknown]
  );
  return value instanceof Map ? new Map(entries) : Object.fromEntries(entries);
}
