import {
  DEFAULT_MONITORING_SETTINGS,
  resolveMonitoringSettings
} from '../../../src/engine/monitor/monitoringSettings';

describe('resolveMonitoringSettings', () => {
  it('applies SageMaker defaults to absent keys', () => {
    expect(resolveMonitoringSettings(undefined)).toEqual(DEFAULT_MONITORING_SETTINGS);
    expect(DEFAULT_MONITORING_SETTINGS).toEqual({
      evaluateConstraints: true,
      emitMetrics: true,
      datatypeCheckThreshold: 1.0,
      domainContentThreshold: 1.0,
      performComparison: true,
      comparisonThreshold: 0.1,
      comparisonMethod: 'Robust',
      categoricalComparisonThreshold: 0.1,
      categoricalDriftMethod: 'LInfinity'
    });
  });

  it('reads emit_metrics as SageMaker flags', () => {
    expect(resolveMonitoringSettings({ emit_metrics: 'Disabled' }).emitMetrics).toBe(false);
    expect(resolveMonitoringSettings({ emit_metrics: 'Enabled' }).emitMetrics).toBe(true);
  });

  it('does not take the categorical threshold from comparison_threshold when absent', () => {
    const settings = resolveMonitoringSettings({
      distribution_constraints: {
        perform_comparison: 'Enabled',
        comparison_threshold: 0.3,
        comparison_method: 'Robust'
      }
    });
    expect(settings.comparisonThreshold).toBe(0.3);
    expect(settings.categoricalComparisonThreshold).toBe(0.1);
  });

  it.each([
    ['Robust', 'Robust'],
    ['Simple', 'Simple'],
    ['linf_robust', 'Robust'],
    ['linf_simple', 'Simple'],
    ['LINF_SIMPLE', 'Simple']
  ])('reads comparison_method %s as %s', (text, method) => {
    const settings = resolveMonitoringSettings({
      distribution_constraints: { comparison_method: text } as any
    });
    expect(settings.comparisonMethod).toBe(method);
  });

  it('reads flags in any case, booleans, numeric strings and the categorical method', () => {
    const settings = resolveMonitoringSettings({
      evaluate_constraints: 'DISABLED',
      datatype_check_threshold: '0.5',
      distribution_constraints: {
        perform_comparison: false,
        categorical_drift_method: 'chi_squared',
        categorical_comparison_threshold: 0.01
      }
    } as any);
    expect(settings).toMatchObject({
      evaluateConstraints: false,
      datatypeCheckThreshold: 0.5,
      performComparison: false,
      categoricalDriftMethod: 'ChiSquared',
      categoricalComparisonThreshold: 0.01
    });
  });
});
