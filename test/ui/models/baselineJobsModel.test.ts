import { BaselineRequest } from '../../../src/api/baselines';
import { BaselineJobsModel } from '../../../src/models/BaselineJobsModel';
import { MemoryBaselineApi } from '../memoryBaselineApi';

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
