import { Execution } from '../api/types';

/** The badge of a monitor or an execution: how its last run went. */
export type RunStatus = 'never' | 'running' | 'ok' | 'violations' | 'failed' | 'cancelled';

export function executionStatus(execution: Execution): RunStatus {
  switch (execution.state) {
    case 'due':
    case 'running':
      return 'running';
    case 'completed':
      return 'ok';
    case 'completed_with_violations':
      return 'violations';
    case 'failed':
      return 'failed';
    default:
      return 'cancelled';
  }
}

/** A monitor's badge: its newest execution's, or `never` before its first run. */
export function monitorStatus(executions: readonly Execution[]): RunStatus {
  return executions.length ? executionStatus(executions[0]) : 'never';
}

/** True when the run has written result files worth opening. */
export function hasResults(execution: Execution): boolean {
  return execution.state === 'completed' || execution.state === 'completed_with_violations';
}

/** Executions newest first, grouped by monitor id. */
export function groupByMonitor(executions: readonly Execution[]): Map<string, Execution[]> {
  const groups = new Map<string, Execution[]>();
  for (const execution of executions) {
    const group = groups.get(execution.monitor_id) ?? [];
    group.push(execution);
    groups.set(execution.monitor_id, group);
  }
  return groups;
}
