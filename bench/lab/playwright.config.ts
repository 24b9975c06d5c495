/**
 * Galata measurements of the Statistics view (not tests: nothing here asserts a time). Reuses the e2e
 * configuration (Debian's Chromium, the test JupyterLab on port 8899) with its own test folder, so
 * `make test` never runs it.
 */
import * as path from 'path';

const e2eConfig = require('../../test/e2e/playwright.config');

module.exports = {
  ...e2eConfig,
  testDir: path.resolve(__dirname),
  testMatch: '*.spec.ts',
  timeout: 600_000
};
