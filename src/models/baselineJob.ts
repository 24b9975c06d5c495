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
