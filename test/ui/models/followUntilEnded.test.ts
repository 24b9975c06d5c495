import { followUntilEnded, FollowStopped } from '../../../src/models/followUntilEnded';

/** A server whose answers are scripted: a state, or an error to throw. */
function scripted(answers: (string | Error)[]) {
  const asked: string[] = [];
  const fetch = async () => {
    const answer = answers[Math.min(asked.length, answers.length - 1)];
    asked.push(answer instanceof Error ? 'error' : answer);
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  return { fetch, asked };
}

const fast = { intervalMs: 5, maxIntervalMs: 20, hasEnded: (state: string) => state === 'done' };

describe('following work on the server until it ends', () => {
  it('asks until the state has ended, and reports each answer', async () => {
    const server = scripted(['running', 'running', 'done']);
    const seen: string[] = [];
    const ended = await followUntilEnded({
      ...fast,
      fetch: server.fetch,
      onUpdate: s => seen.push(s)
    });
    expect(ended).toBe('done');
    expect(seen).toEqual(['running', 'running', 'done']);
  });

  it('keeps following through a failed request, backing off', async () => {
    const server = scripted(['running', new Error('network'), new Error('network'), 'done']);
    await expect(followUntilEnded({ ...fast, fetch: server.fetch })).resolves.toBe('done');
    expect(server.asked).toEqual(['running', 'error', 'error', 'done']);
  });

  it('gives up with the error after too many failures in a row', async () => {
    const server = scripted(['running', new Error('server gone')]);
    const following = followUntilEnded({ ...fast, fetch: server.fetch, maxFailures: 3 });
    await expect(following).rejects.toThrow('server gone');
    expect(server.asked).toEqual(['running', 'error', 'error', 'error']);
  });

  it('stops when its signal is aborted, and asks no more', async () => {
    const server = scripted(['running']);
    const controller = new AbortController();
    const following = followUntilEnded({ ...fast, fetch: server.fetch, signal: controller.signal });
    await new Promise(resolve => setTimeout(resolve, 30));
    controller.abort();
    await expect(following).rejects.toBeInstanceOf(FollowStopped);
    const asked = server.asked.length;
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(server.asked.length).toBe(asked);
  });
});
