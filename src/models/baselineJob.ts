/** Following a baseline job on the server until it ends. */
import { BaselineJob } from '../api/baselines';

export function isRunning(job: BaselineJob): boolean {
  return job.state === 'running';
}

/** 0–100, for a progress bar or a notification's text. */
export function percentOf(job: BaselineJob): number {
  const progress = Number.isFinite(job.progress) ? job.progress : 0;
  return Math.round(Math.min(Math.max(progress, 0), 1) * 100);
}

/**
 * Asks for the job every `intervalMs` until it has ended, calling `onUpdate` with each answer;
 * resolves with the last one (which carries the job's diagnostics).
 */
export async function followBaselineJob(
  fetchJob: (id: string) => Promise<BaselineJob>,
  job: BaselineJob,
  onUpdate: (job: BaselineJob) => void,
  intervalMs = 500
): Promise<BaselineJob> {
  let current = job;
  onUpdate(current);
  while (isRunning(current)) {
    await new Promise(resolve => setTimeout(resolve, intervalMs));
    current = await fetchJob(current.id);
    onUpdate(current);
  }
  return current;
}
