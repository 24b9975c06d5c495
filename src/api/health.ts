import { requestAPI } from './requestAPI';
import { HealthResponse } from './types';

/** `GET /model-monitor/health`: is the server part installed, and which version is it. */
export function fetchHealth(): Promise<HealthResponse> {
  return requestAPI<HealthResponse>('health');
}
