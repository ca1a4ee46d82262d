// Playwright configuration for the end-to-end tests. run-e2e.sh starts a real `rasso serve` on a
// free port and passes its address in RASSO_E2E_BASE_URL; Debian's Chromium is used (Playwright
// never downloads a browser here), headless and without the sandbox (tests run as root in CI).
import { defineConfig } from './support/playwright.mjs';

const artifacts = process.env.RASSO_E2E_ARTIFACTS || 'e2e-artifacts';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: `${artifacts}/test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.RASSO_E2E_BASE_URL,
    headless: true,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.RASSO_E2E_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  },
});
