import { BaselineJob, BaselineRequest } from '../../../src/api/baselines';
import { ModelMonitorApiError } from '../../../src/api/errors';
import { BaselineJobsModel, IBaselineJobsApi } from '../../../src/models/BaselineJobsModel';

/**
 * Baseline jobs with the server's semantics (baselines.py): a job starts running, reads its input
 * a step per request and completes; a cancelled job ends cancelled; unknown ids are 404.
 */
class MemoryBaselineApi implements IBaselineJobsApi {
  jobs = new Map<string, BaselineJob>();
  requests: string[] = [];
  /** Progress a job makes between two requests. */
  step = 0.5;

  startBaseline = async (request: BaselineRequest) => {
    this.requests.push(`start ${request.dataset}`);
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
        Object.assign(job, { state: 'completed', message: 'done', finished_at: 'now' });
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

const request: BaselineRequest = { dataset: 'train.csv', dataset_format: 'csv', header: true };

describe('BaselineJobsModel', () => {
  it('starts a job and follows it until it completes, reporting its progress', async () => {
    const api = new MemoryBaselineApi();
    const jobs = new BaselineJobsModel(api);
    const started = await jobs.start(request);
    const progress: number[] = [];
    const ended = await jobs.follow(started, job => progress.push(job.progress));
    expect(ended.state).toBe('completed');
    expect(progress).toEqual([0.5]);
    expect(api.requests).toEqual(['start train.csv', 'get j1', 'get j1']);
  });

  it('a cancelled job ends cancelled for its follower', async () => {
    const api = new MemoryBaselineApi();
    api.step = 0.1;
    const jobs = new BaselineJobsModel(api);
    const started = await jobs.start(request);
    const ended = jobs.follow(started, () => void jobs.cancel(started.id));
    await expect(ended).resolves.toMatchObject({ state: 'cancelled' });
    expect(api.requests).toContain('cancel j1');
  });

  it('a job that has already ended is not asked for again', async () => {
    const api = new MemoryBaselineApi();
    const jobs = new BaselineJobsModel(api);
    const done = { ...(await jobs.start(request)), state: 'failed' as const };
    await expect(jobs.follow(done)).resolves.toBe(done);
    expect(api.requests).toEqual(['start train.csv']);
  });

  it("cancelling a job the server does not know rejects with the server's error", async () => {
    const api = new MemoryBaselineApi();
    const jobs = new BaselineJobsModel(api);
    const ghost = { ...(await jobs.start(request)), id: 'gone' };
    await expect(jobs.cancel(ghost.id)).rejects.toThrow('no baseline job gone');
  });
});
