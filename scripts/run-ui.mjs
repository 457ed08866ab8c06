// `npm run test:ui` (after `build.mjs --tests`): Playwright UI checks (test/ui/*.test.mjs) run by
// mocha in plain Node. Each check file starts its own code-server with the extension installed from
// a freshly packaged .vsix (see test/ui/helpers.mjs). Screenshots of every step go to
// test-results/ui/; a failing test also leaves test-results/ui/FAILED-<test>.png.
//
// Environment: ASYNC_DESK_UI_GREP (mocha grep), ASYNC_DESK_UI_WORKSPACE (folder to open instead of
// demo/), ASYNC_DESK_HEADED=1 (visible browser, needs a display), ASYNC_DESK_RUN_TIMEOUT (ms, whole run).
import Mocha from 'mocha';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installSignalHandlers, log, listFiles, repoRoot, runCleanups, seconds } from './lib/util.mjs';
import { livePages, screenshot, screenshotsDir } from '../test/ui/helpers.mjs';

installSignalHandlers();
const started = Date.now();

// Fresh screenshots each run, so test-results/ui/ shows exactly this run.
rmSync(screenshotsDir, { recursive: true, force: true });
mkdirSync(screenshotsDir, { recursive: true });

const mocha = new Mocha({
  ui: 'bdd',
  reporter: 'spec',
  timeout: 120_000,
  color: process.stdout.isTTY === true,
  ...(process.env.ASYNC_DESK_UI_GREP ? { grep: process.env.ASYNC_DESK_UI_GREP } : {}),
  rootHooks: {
    async afterEach() {
      if (this.currentTest?.state !== 'failed') return;
      for (const page of livePages) {
        const file = await screenshot(page, `FAILED-${this.currentTest.fullTitle()}`).catch((e) => `(screenshot failed: ${e.message})`);
        log(`failure screenshot: ${file}`);
      }
    },
  },
});
const files = listFiles(join(repoRoot, 'test', 'ui'), (f) => f.endsWith('.test.mjs'));
if (files.length === 0) {
  log('no test/ui/*.test.mjs files');
  process.exit(1);
}
for (const file of files) mocha.addFile(join(repoRoot, 'test', 'ui', file));
await mocha.loadFilesAsync();

// Hard limit for the whole run: a hung browser must not hang CI.
const limit = Number(process.env.ASYNC_DESK_RUN_TIMEOUT) || 10 * 60_000;
const hardTimeout = setTimeout(async () => {
  log(`UI checks: hard timeout after ${seconds(limit)}`);
  for (const page of livePages) await screenshot(page, 'FAILED-timeout').catch(() => {});
  await runCleanups();
  process.exit(1);
}, limit);
hardTimeout.unref();

const failures = await new Promise((resolve) => mocha.run(resolve));
await runCleanups(); // in case a file's after() hook did not run
log(`UI checks ${failures ? `FAILED (${failures} failing)` : 'passed'} in ${seconds(Date.now() - started)}; screenshots in ${screenshotsDir}`);
process.exit(failures ? 1 : 0);
