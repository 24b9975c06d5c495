import { ModelMonitorApiError } from '../../../src/api/errors';
import { HealthCheck } from '../../../src/models/HealthCheck';

describe('HealthCheck', () => {
  it('is ok when the server answers with the same version, and asks only once', async () => {
    const fetchHealth = jest.fn().mockResolvedValue({ status: 'ok', version: '0.1.0' });
    const check = new HealthCheck(fetchHealth, '0.1.0');
    expect(fetchHealth).not.toHaveBeenCalled();
    expect(await check.check()).toEqual({ kind: 'ok', version: '0.1.0' });
    await check.check();
    expect(fetchHealth).toHaveBeenCalledTimes(1);
  });

  it('reports a version mismatch', async () => {
    const check = new HealthCheck(
      async () => ({ status: 'ok', version: '0.2.0', backends: {} }),
      '0.1.0'
    );
    expect(await check.check()).toEqual({
      kind: 'version-mismatch',
      serverVersion: '0.2.0',
      frontendVersion: '0.1.0'
    });
  });

  it.each([404, 0])('reports a missing server part on status %i', async status => {
    const check = new HealthCheck(async () => {
      throw new ModelMonitorApiError('Not Found', status);
    }, '0.1.0');
    expect((await check.check()).kind).toBe('server-missing');
  });

  it('reports other failures as errors', async () => {
    const check = new HealthCheck(async () => {
      throw new ModelMonitorApiError('boom', 500);
    }, '0.1.0');
    expect(await check.check()).toEqual({ kind: 'error', detail: 'boom' });
  });
});
