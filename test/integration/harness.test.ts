// Smoke test of the test harness itself: proves the suite really runs inside a VS Code extension
// host with Async Desk loaded from this repository, whichever runner started it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

describe('Test harness', () => {
  it('runs in a real VS Code extension host with a known UI kind', () => {
    assert.ok(/^1\.\d+\.\d+/.test(vscode.version), `vscode.version: ${vscode.version}`);
    assert.ok([vscode.UIKind.Desktop, vscode.UIKind.Web].includes(vscode.env.uiKind), `uiKind: ${vscode.env.uiKind}`);
    // code-server reports Web; @vscode/test-electron reports Desktop.
    if (vscode.env.uiKind === vscode.UIKind.Web) assert.equal(vscode.env.appName, 'code-server');
  });

  it("runs on the runner's clock (a clock faked with libfaketime reaches the extension host)", function () {
    const runner = Number(process.env.ASYNC_DESK_RUNNER_NOW);
    if (!Number.isFinite(runner)) this.skip(); // started by another runner (test-electron)
    const drift = Math.abs(Date.now() - runner);
    assert.ok(
      drift < 10 * 60_000,
      `the host's clock (${new Date().toISOString()}) is ${Math.round(drift / 60_000)} min from the runner's (${new Date(runner).toISOString()})`,
    );
  });

  it('opens the test workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'one workspace folder');
    assert.equal(folders[0]!.uri.scheme, 'file');
  });

  it('loads asyncdesk.async-desk from this repository and activates it', async () => {
    const extension = vscode.extensions.getExtension('asyncdesk.async-desk');
    assert.ok(extension, 'asyncdesk.async-desk is loaded');
    // out/test/integration -> repository root
    assert.equal(path.resolve(extension.extensionPath), path.resolve(__dirname, '..', '..', '..'));
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
