import { Execution } from '../api/types';

const ENDED = new Set(['completed', 'completed_with_violations', 'failed', 'cancelled']);

export function hasEnded(execution: Execution): boolean {
  return ENDED.has(execution.state);
}

/** Asks for an execution every `intervalMs` until it has ended; resolves with its last state. */
export async function waitForExecution(
  fetchExecution: (id: string) => Promise<Execution>,
  execution: Execution,
  intervalMs = 1500
): Promise<Execution> {
  let current = execution;
  while (!hasEnded(current)) {
    await new Promise(resolve => setTimeout(resolve, intervalMs));
    current = await fetchExecution(current.id);
  }
  return current;
}
