export { suggestConstraints, MAX_UNIQUE_VALUE_RATIO } from './suggest';
export type { SuggestOptions } from './suggest';
export { buildBaseline } from './buildBaseline';
export type { Baseline } from './buildBaseline';
export { defaultMonitoringConfig } from './monitoringConfig';
