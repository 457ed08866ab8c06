// Sharing in Restricted Mode (issue 13): the same clone, opened without trust. Nothing of ours runs
// git: the panel says the standups are not shared and why, no state is created under .git/async-desk/,
// and no git process of ours (ours carry GCM_INTERACTIVE=never in their environment) is ever seen.
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, testHooks, waitFor, workspaceRoot } from '../integration/helpers';

const restricted = process.env.ASYNC_DESK_SHARING_MODE === 'restricted';

/** Our git processes running now: children of this extension host with our runner's environment. */
async function ourGitProcesses(seen: Set<string>): Promise<void> {
  for (const pid of await fsp.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await fsp.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!/(^|\/)git\0/.test(cmd)) continue;
    const environ = await fsp.readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes('GCM_INTERACTIVE=never')) seen.add(cmd.split('\0').join(' '));
  }
}

(restricted ? describe : describe.skip)('Sharing in Restricted Mode', function () {
  this.timeout(40_000);

  it('starts no git process, writes nothing under .git/async-desk/, and says why the standups are not shared', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await activateExtension();
    const hooks = await testHooks();
    const seen = new Set<string>();
    const sampler = setInterval(() => void ourGitProcesses(seen), 5);
    try {
      await vscode.workspace.getConfiguration('asyncDesk').update('me', 'alice', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('asyncDesk.today.focus');
      await vscode.commands.executeCommand('asyncDesk.standups.refresh');
      const state = await waitFor('the Today state', async () => {
        const s = await hooks.today.state();
        return s?.sharing.digest ? s : undefined;
      });
      assert.equal(state.sharing.digest!.text, 'Not shared: Restricted Mode');
      assert.equal(state.sharing.digest!.canSync, false);
      const status = await hooks.sharing.status();
      assert.equal(status.kind === 'not-shared' && status.why, 'restricted');
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      clearInterval(sampler);
      await vscode.workspace.getConfiguration('asyncDesk').update('me', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.deepEqual([...seen], []);
    await assert.rejects(fsp.access(path.join(workspaceRoot().fsPath, '.git', 'async-desk')), 'no sharing state is created');
  });
});
