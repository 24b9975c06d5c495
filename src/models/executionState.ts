import { Execution } from '../api/types';

const ENDED = new Set(['completed', 'completed_with_violations', 'failed', 'cancelled']);

export function hasEnded(execution: Execution): boolean {
  return ENDED.has(execution.state);
}
