import { BaselineJob, BaselineRequest } from '../../src/api/baselines';
import { ModelMonitorApiError } from '../../src/api/errors';
import { IBaselineJobsApi } from '../../src/models/BaselineJobsModel';

/**
 * Baseline jobs with the server's semantics (baselines.py): a job starts running, reads its input
 * a step per request and completes; a cancelled job ends cancelled; unknown ids are 404.
 */
export class MemoryBaselineApi implements IBaselineJobsApi {
  jobs = new Map<string, BaselineJob>();
  requests: string[] = [];
  /** Progress a job makes between two requests. */
  step = 0.5;
  /** Outputs that already hold a baseline: starting one there without overwrite is a 409. */
  taken = new Set<string>();
  /** When set, a job fails with this message once it has read its input. */
  failWith: string | null = null;

  startBaseline = async (request: BaselineRequest) => {
    this.requests.push(`start ${request.dataset}`);
    if (request.output && this.taken.has(request.output) && !request.overwrite) {
      const message = `output: ${request.output} already holds a baseline; set overwrite`;
      throw new ModelMonitorApiError(message, 409, { message, field: 'output' });
    }
    const job: BaselineJob = {
      id: `j${this.jobs.size + 1}`,
      dataset: request.dataset,
      dataset_format: request.dataset_format ?? null,
      header: request.header ?? false,
      output: request.output ?? 'baselines/x',
      backend: 'local',
      segment: null,
      state: 'running',
      progress: 0,
      message: 'reading',
      created_at: '2026-12-07T07:00:00Z',
      finished_at: null,
      claimed_by: null,
      heartbeat_at: null
    };
    this.jobs.set(job.id, job);
    return job;
  };

  getBaseline = async (id: string) => {
    this.requests.push(`get ${id}`);
    const job = this._job(id);
    if (job.state === 'running') {
      job.progress = Math.min(1, job.progress + this.step);
      if (job.progress >= 1) {
        const state = this.failWith === null ? 'completed' : 'failed';
        Object.assign(job, { state, message: this.failWith ?? 'done', finished_at: 'now' });
      }
    }
    return { ...job };
  };

  cancelBaseline = async (id: string) => {
    this.requests.push(`cancel ${id}`);
    const job = this._job(id);
    if (job.state === 'running') {
      Object.assign(job, { state: 'cancelled', message: 'cancelled', finished_at: 'now' });
    }
    return { ...job };
  };

  private _job(id: string): BaselineJob {
    const job = this.jobs.get(id);
    if (!job) {
      throw new ModelMonitorApiError(`no baseline job ${id}`, 404);
    }
    return job;
  }
}
