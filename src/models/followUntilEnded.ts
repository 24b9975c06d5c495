import { Poll } from '@lumino/polling';

export interface FollowOptions<T> {
  /** Asks the server for the current state. */
  fetch: () => Promise<T>;
  hasEnded: (value: T) => boolean;
  /** Each answer, the last (ended) one included. */
  onUpdate?: (value: T) => void;
  /** Stops following (the work itself goes on): the promise rejects with FollowStopped. */
  signal?: AbortSignal;
  intervalMs?: number;
  /** Failed requests back off up to this interval. */
  maxIntervalMs?: number;
  /** Consecutive failed requests after which following gives up with the last error. */
  maxFailures?: number;
}

/** Following was stopped by its signal. */
export class FollowStopped extends Error {
  readonly name = 'FollowStopped';
}

/**
 * Follows work on the server (an execution, a baseline job) until it has ended, with a Lumino Poll:
 * a failed request is retried after a longer and longer wait rather than ending the follow, and the
 * caller can stop following. Resolves with the ended state.
 */
export function followUntilEnded<T>(options: FollowOptions<T>): Promise<T> {
  const { intervalMs = 1000, maxIntervalMs = 30_000, maxFailures = 8 } = options;
  return new Promise<T>((resolve, reject) => {
    let failures = 0;
    let settled = false;
    const finish = (settle: () => void) => {
      if (!settled) {
        settled = true;
        options.signal?.removeEventListener('abort', stop);
        poll.dispose();
        settle();
      }
    };
    const stop = () => finish(() => reject(new FollowStopped('stopped following')));
    const poll = new Poll<T, unknown>({
      factory: async () => {
        const value = await options.fetch(); // a rejection makes the poll back off
        failures = 0;
        options.onUpdate?.(value);
        if (options.hasEnded(value)) {
          finish(() => resolve(value));
        }
        return value;
      },
      frequency: { interval: intervalMs, backoff: true, max: maxIntervalMs },
      standby: 'never'
    });
    poll.ticked.connect((_, state) => {
      if (state.phase === 'rejected' && ++failures >= maxFailures) {
        finish(() => reject(state.payload));
      }
    });
    if (options.signal?.aborted) {
      stop();
    }
    options.signal?.addEventListener('abort', stop, { once: true });
  });
}
