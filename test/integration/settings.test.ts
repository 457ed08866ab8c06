// A settings change rescans only the indexes built from that setting (src/features/shared/settings.ts,
// SETTINGS_READ_BY): writing asyncDesk.me, which the composer does on first use, rescans nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, testHooks, waitFor } from './helpers';

/** Long enough for a rescan to have started and finished on a loaded machine: the indexes here are small. */
const SETTLE_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Settings changes', () => {
  const config = () => vscode.workspace.getConfiguration('asyncDesk');
  let me: string | undefined;
  let standupsDir: string | undefined;

  before(async () => {
    await activateExtension();
    await testHooks(); // loads the features bundle
    await vscode.commands.executeCommand('asyncDesk.decisions.refresh');
    await vscode.commands.executeCommand('asyncDesk.standups.refresh');
    me = config().inspect<string>('me')?.globalValue;
    standupsDir = config().inspect<string>('standupsDir')?.workspaceValue;
    await sleep(SETTLE_MS); // let the first scans and their watchers settle
  });

  after(async () => {
    await config().update('me', me, vscode.ConfigurationTarget.Global);
    await config().update('standupsDir', standupsDir, vscode.ConfigurationTarget.Workspace);
  });

  it('writing asyncDesk.me rescans no index', async () => {
    const hooks = await testHooks();
    const before = hooks.indexChanges();
    await config().update('me', me === 'zoe-settings-test' ? 'zed-settings-test' : 'zoe-settings-test', vscode.ConfigurationTarget.Global);
    await sleep(SETTLE_MS);
    assert.deepEqual(hooks.indexChanges(), before);
  });

  it('asyncDesk.standupsDir rescans the standups, and only them', async () => {
    const hooks = await testHooks();
    const before = hooks.indexChanges();
    await config().update('standupsDir', 'docs/elsewhere', vscode.ConfigurationTarget.Workspace);
    await waitFor('the standups rescan', () => hooks.indexChanges().standups > before.standups);
    await sleep(SETTLE_MS);
    const after = hooks.indexChanges();
    assert.equal(after.decisions, before.decisions, 'the decision records were not rescanned');
    assert.equal(after.team, before.team, 'the team file was not re-read');
  });
});
