/** Command ids, all in the `model-monitor:` namespace. */
export const CommandIds = {
  openPanel: 'model-monitor:open-panel',
  openResults: 'model-monitor:open-results',
  runMonitor: 'model-monitor:run-monitor',
  runMonitorOver: 'model-monitor:run-monitor-over',
  createSchedule: 'model-monitor:create-schedule',
  compareStatistics: 'model-monitor:compare-statistics',
  compareQuality: 'model-monitor:compare-quality',
  showMetrics: 'model-monitor:show-metrics',
  whatIfThresholds: 'model-monitor:what-if-thresholds',
  profileFile: 'model-monitor:profile-file',
  loadCaptures: 'model-monitor:load-captures',
  buildBaseline: 'model-monitor:build-baseline',
  showRecords: 'model-monitor:show-records'
} as const;
