import { ServerConnection } from '@jupyterlab/services';

import { ModelMonitorApiError } from '../../../src/api/errors';
import { requestAPI } from '../../../src/api/requestAPI';

/** jsdom has no fetch API: a request only needs a url and headers here. */
class FakeRequest {
  readonly headers = new FakeHeaders();
  constructor(readonly url: string) {}
}

class FakeHeaders extends Map<string, string> {
  append(name: string, value: string): void {
    this.set(name, value);
  }
}

function settingsAnswering(fetch: jest.Mock): ServerConnection.ISettings {
  (globalThis as any).fetch ??= fetch;
  (globalThis as any).Request ??= FakeRequest;
  (globalThis as any).Headers ??= FakeHeaders;
  return ServerConnection.makeSettings({
    baseUrl: 'http://localhost:8888/lab-base/',
    fetch: fetch as any,
    Request: FakeRequest as any,
    Headers: FakeHeaders as any
  });
}

function response(status: number, body: string) {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? 'Not Found' : '',
    text: async () => body
  };
}

describe('requestAPI', () => {
  it('calls <baseUrl>/model-monitor/<endpoint> and decodes JSON', async () => {
    const fetch = jest.fn().mockResolvedValue(response(200, '{"status":"ok","version":"0.1.0"}'));
    const answer = await requestAPI('health', {}, settingsAnswering(fetch));
    expect(answer).toEqual({ status: 'ok', version: '0.1.0' });
    expect(fetch.mock.calls[0][0].url).toMatch(
      /^http:\/\/localhost:8888\/lab-base\/model-monitor\/health\?\d+$/
    );
  });

  it('throws the JSON error message with the status', async () => {
    const fetch = jest.fn().mockResolvedValue(response(400, '{"message":"bad cron"}'));
    await expect(requestAPI('monitors', {}, settingsAnswering(fetch))).rejects.toMatchObject({
      message: 'bad cron',
      status: 400,
      body: { message: 'bad cron' }
    });
  });

  it('marks 404 and network failures as a missing server part', async () => {
    const notFound = jest.fn().mockResolvedValue(response(404, '<html>nope</html>'));
    const error404: any = await requestAPI('health', {}, settingsAnswering(notFound)).catch(e => e);
    expect(error404).toBeInstanceOf(ModelMonitorApiError);
    expect(error404.isServerMissing).toBe(true);
    expect(error404.message).toBe('404 Not Found');

    const offline = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const error0: any = await requestAPI('health', {}, settingsAnswering(offline)).catch(e => e);
    expect(error0).toMatchObject({ status: 0, isServerMissing: true });
  });
});
