// `npm run test:integration` (after `build.mjs --tests`): runs out/test/integration/**/*.test.js with
// mocha inside a real VS Code extension host: code-server 4.139 (VS Code 1.139) with the smoke-test
// driver, and a headless Chromium that opens the workbench on a scratch copy of
// test/fixtures/workspace with this repository as extensionDevelopmentPath. Then the hostile-workspace
// suite (out/test/integration-hostile) twice, trusted and in Restricted Mode, on a workspace full of
// links to devices and outside files, FIFOs and huge files, built at run time (lib/hostile-workspace.mjs).
// Then the sharing suite (out/test/integration-sharing, issue 13) on the fixture workspace made a git
// clone of a bare repository that a token-checking smart-HTTP server serves (lib/shared-workspace.mjs).
// Exit code = mocha's (0 all passed, 1 otherwise). Failures leave a screenshot and logs in test-results/.
//
// Environment:
//   ASYNC_DESK_TEST_GREP      only tests whose title matches (mocha --grep)
//   ASYNC_DESK_TEST_TIMEOUT   per-test timeout in ms (default 20000)
//   ASYNC_DESK_RUN_TIMEOUT    hard limit for the whole run in ms (default 600000)
//   ASYNC_DESK_CACHE          where the test host is installed (see scripts/install-test-host.sh)
//   ASYNC_DESK_VERBOSE=1      also print the workbench's own log lines
//   ASYNC_DESK_KEEP_SCRATCH=1 keep the scratch dir (server log, workspace copy) for debugging
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeSharedWorkspace } from './lib/shared-workspace.mjs';
import { runExtensionTests } from './lib/extension-tests.mjs';
import { HOSTILE_CANARY, makeHostileWorkspace } from './lib/hostile-workspace.mjs';
import { installSignalHandlers, log, repoRoot, seconds } from './lib/util.mjs';

installSignalHandlers();

const testsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsPath)) {
  log(`${testsPath} is missing: run \`node scripts/build.mjs --tests\` first (npm run test:integration does).`);
  process.exit(1);
}

const env = {};
for (const key of ['ASYNC_DESK_TEST_GREP', 'ASYNC_DESK_TEST_TIMEOUT']) if (process.env[key]) env[key] = process.env[key];
// The runner's clock, for the harness test that checks the extension host runs on it (a faked clock
// under libfaketime, scripts/test-dates.mjs, must reach the host, or those runs prove nothing).
env.ASYNC_DESK_RUNNER_NOW = String(Date.now());

const workspaceTemplate = join(repoRoot, 'test', 'fixtures', 'workspace');
if (!existsSync(workspaceTemplate)) log(`${workspaceTemplate} does not exist; the tests get an empty folder`);

const timeoutMs = Number(process.env.ASYNC_DESK_RUN_TIMEOUT) || 10 * 60_000;
const { code, ms } = await runExtensionTests({
  name: 'integration',
  extensionDevelopmentPaths: [repoRoot],
  extensionTestsPath: testsPath,
  workspaceTemplate,
  env,
  timeoutMs,
});
log(`integration tests ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(ms)}`);

// The hostile workspace, trusted and untrusted (skipped when a grep selects other tests).
const hostilePath = join(repoRoot, 'out', 'test', 'integration-hostile', 'index.js');
let hostileCode = 0;
if (!process.env.ASYNC_DESK_TEST_GREP || /hostile/i.test(process.env.ASYNC_DESK_TEST_GREP)) {
  for (const mode of ['trusted', 'restricted']) {
    const run = await runExtensionTests({
      name: `integration-hostile-${mode}`,
      extensionDevelopmentPaths: [repoRoot],
      extensionTestsPath: hostilePath,
      restricted: mode === 'restricted',
      prepare: (workspace, scratch) => makeHostileWorkspace(workspace, join(scratch, 'outside')),
      env: { ...env, ASYNC_DESK_TEST_GREP: '', ASYNC_DESK_HOSTILE: mode, ASYNC_DESK_HOSTILE_CANARY: HOSTILE_CANARY },
      timeoutMs,
    });
    log(`hostile workspace (${mode}) ${run.code === 0 ? 'passed' : `FAILED (exit ${run.code})`} in ${seconds(run.ms)}`);
    hostileCode ||= run.code;
  }
}
// Sharing over git: the fixture workspace as a clone of a token-protected HTTP remote.
let sharingCode = 0;
if (!process.env.ASYNC_DESK_TEST_GREP || /shar/i.test(process.env.ASYNC_DESK_TEST_GREP)) {
  const require = createRequire(import.meta.url);
  const { startGitHttpServer } = require(join(repoRoot, 'out', 'test', 'gitHttp', 'server.js'));
  const remotes = mkdtempSync(join(tmpdir(), 'async-desk-remotes-'));
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  const server = await startGitHttpServer({ projectRoot: remotes, token, env: process.env });
  const remoteFor = (mode) => `${server.url.replace(/\/$/, '')}/${mode}/team.git`;
  try {
    // Trusted (the sharing suite), then Restricted Mode (no git process at all).
    for (const mode of ['trusted', 'restricted']) {
      const run = await runExtensionTests({
        name: `integration-sharing-${mode}`,
        extensionDevelopmentPaths: [repoRoot],
        extensionTestsPath: join(repoRoot, 'out', 'test', 'integration-sharing', 'index.js'),
        workspaceTemplate,
        restricted: mode === 'restricted',
        prepare: (workspace) => makeSharedWorkspace(workspace, join(remotes, mode), remoteFor(mode)),
        env: {
          ...env,
          ASYNC_DESK_TEST_GREP: /shar/i.test(process.env.ASYNC_DESK_TEST_GREP ?? '') ? '' : (process.env.ASYNC_DESK_TEST_GREP ?? ''),
          ASYNC_DESK_SHARING_MODE: mode,
          ASYNC_DESK_SHARING_REMOTES: join(remotes, mode),
          ASYNC_DESK_SHARING_URL: remoteFor(mode),
          ASYNC_DESK_SHARING_TOKEN: token,
        },
        timeoutMs,
      });
      log(`sharing workspace (${mode}) ${run.code === 0 ? 'passed' : `FAILED (exit ${run.code})`} in ${seconds(run.ms)}`);
      sharingCode ||= run.code;
    }
  } finally {
    await server.close();
    rmSync(remotes, { recursive: true, force: true });
  }
}
process.exit(code || hostileCode || sharingCode);
