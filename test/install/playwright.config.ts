/**
 * The browser smoke test of an installed wheel (test/install/test_fresh_environments.py starts the
 * Jupyter server of a fresh virtual environment and passes its URL in SMOKE_URL).
 */
import * as path from 'path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  outputDir: path.resolve(__dirname, '../../test-results/install'),
  reporter: [['list']],
  workers: 1,
  retries: 0,
  timeout: 120_000,
  use: {
    baseURL: process.env.SMOKE_URL,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
    }
  }
});
