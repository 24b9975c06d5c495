/**
 * Galata (Playwright) tests against a real JupyterLab with this extension, in Debian's Chromium:
 * Playwright's own browser download cannot work offline.
 */
import * as path from 'path';

const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const ROOT = path.resolve(__dirname, '../..');
// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT || 8899);

module.exports = {
  ...baseConfig,
  testDir: './tests',
  outputDir: path.join(ROOT, 'test-results'),
  reporter: [['list']],
  workers: 1,
  retries: 0,
  use: {
    ...baseConfig.use,
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    video: 'off',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }
  },
  webServer: {
    command: `${path.join(ROOT, '.venv/bin/jupyter')} lab --config test/e2e/jupyter_server_test_config.py`,
    cwd: ROOT,
    url: `http://localhost:${PORT}/lab`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI
  }
};
