import { BaselineJob, BaselineRequest } from '../api/baselines';
import { isRunning } from './baselineJob';
import { followUntilEnded } from './followUntilEnded';

/** The server calls baseline jobs need; the real ones are in src/api/baselines.ts. */
export interface IBaselineJobsApi {
  startBaseline(request: BaselineRequest): Promise<BaselineJob>;
  getBaseline(id: string): Promise<BaselineJob>;
  cancelBaseline(id: string): Promise<BaselineJob>;
}

const FOLLOW_INTERVAL_MS = 500;

/** Baseline jobs on the server: started, followed until they end, cancelled. */
export class BaselineJobsModel {
  constructor(private readonly _api: IBaselineJobsApi) {}

  start(request: BaselineRequest): Promise<BaselineJob> {
    return this._api.startBaseline(request);
  }

  /**
   * Follows a job until it has ended (see followUntilEnded); `onProgress` gets each answer while it
   * runs. Resolves with the ended job.
   */
  follow(
    job: BaselineJob,
    onProgress?: (job: BaselineJob) => void,
    signal?: AbortSignal
  ): Promise<BaselineJob> {
    if (!isRunning(job)) {
      return Promise.resolve(job);
    }
    return followUntilEnded({
      fetch: () => this._api.getBaseline(job.id),
      hasEnded: current => !isRunning(current),
      intervalMs: FOLLOW_INTERVAL_MS,
      signal,
      onUpdate: current => {
        if (isRunning(current)) {
          onProgress?.(current);
        }
      }
    });
  }

  /** Asks the server to cancel a running job; its follower sees it end. */
  async cancel(id: string): Promise<void> {
    await this._api.cancelBaseline(id);
  }
}
