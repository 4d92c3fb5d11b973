import { defineConfig } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { chromiumPath, chromiumArgs } from './chromium.mjs'

/**
 * Browser tests of the demo page and `<zongjie-editor>`, in Debian's Chromium (`CHROMIUM_PATH`,
 * default `/usr/bin/chromium`): Playwright's own browser downloads are not used. Run them with
 * `node e2e/run.mjs`, which checks for Chromium first and writes the JSON report to
 * `$PLAYWRIGHT_JSON_OUTPUT_NAME`.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
// run.mjs picks a free port, so a demo left running on 5173 never gets in the way.
const port = Number(process.env.ZONGJIE_E2E_PORT ?? 5173)
const base = `http://127.0.0.1:${port}/`
// The co-editing server (packages/server), development mode: the demo asks it for tokens.
const serverPort = Number(process.env.ZONGJIE_SERVER_PORT ?? 1234)
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? fileURLToPath(new URL('./test-results/playwright.json', import.meta.url))

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    baseURL: base,
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      command: 'node scripts/demo.mjs',
      cwd: root,
      url: base,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { ZONGJIE_E2E: '1', ZONGJIE_DEMO_PORT: String(port) },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --import tsx packages/server/src/main.ts',
      cwd: root,
      url: `http://127.0.0.1:${serverPort}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { HOST: '127.0.0.1', PORT: String(serverPort), DATA_DIR: process.env.ZONGJIE_SERVER_DATA ?? fileURLToPath(new URL('./test-results/server-data', import.meta.url)) },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
