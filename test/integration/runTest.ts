// Desktop runner for the integration suite, for laptops with internet: @vscode/test-electron
// downloads VS Code desktop (into .vscode-test/) and runs the same mocha suite (./index.ts) that
// CI runs offline in code-server (scripts/run-integration.mjs).
//
//   node scripts/build.mjs --tests && node out/test/integration/runTest.js
//
// VS Code version: the oldest one we support (engines.vscode in package.json, SPEC §1), or
// ASYNC_DESK_VSCODE_VERSION (e.g. "stable", "insiders", "1.139.1"). ASYNC_DESK_TEST_GREP filters
// tests as in CI. On Linux without a display, run it under xvfb-run.
// This does not work on the project's offline machines: the download fails with ENOTFOUND.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/integration -> repository root
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'index');
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDevelopmentPath, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const version = process.env.ASYNC_DESK_VSCODE_VERSION || manifest.engines.vscode.replace(/^[^\d]*/, '');

  // Tests may write: give them a scratch copy of the fixture workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'async-desk-integration-'));
  const fixture = path.join(extensionDevelopmentPath, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });

  try {
    const code = await runTests({
      version,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: process.env.ASYNC_DESK_TEST_GREP ? { ASYNC_DESK_TEST_GREP: process.env.ASYNC_DESK_TEST_GREP } : {},
    });
    process.exitCode = code;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Integration tests could not run in VS Code desktop: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
