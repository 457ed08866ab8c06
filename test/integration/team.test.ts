// Team time in the real VS Code: the Team view's groups and rows at a fixed clock, diagnostics for a
// broken team file (valid members still shown), @login hover and completion, Add Teammate, Open an
// Issue for Teammate (repository from the git remote).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, exists, fileUri, plainMarkdown, readText, setClock, waitFor, workspaceRoot, writeText, testHooks } from './helpers';

interface Snapshot {
  label: string;
  members: { label: string; description: string; tooltip?: string }[];
}

const TEAM = '.github/team.yml';

async function snapshot(): Promise<Snapshot[]> {
  return (await testHooks()).team.snapshot();
}

function group(snap: Snapshot[], label: string): Snapshot['members'] {
  return snap.find((g) => g.label === label)?.members ?? [];
}

describe('Team view', function () {
  this.timeout(30_000);
  before(activateExtension);
  after(() => setClock(undefined));

  it('groups teammates by state at a fixed instant, with local time and when the state ends', async () => {
    // Tue 24 Nov 2026, 09:30 UTC: 10:30 in Berlin (Alice's Tuesday focus block), 04:30 in New York
    // (Bob off until 08:30), 15:15 in Kathmandu (+5:45; Carol working until 18:00).
    await setClock('2026-11-24T09:30:00Z');
    const snap = await waitFor('three members', async () => {
      const s = await snapshot();
      return s.flatMap((g) => g.members).length === 3 ? s : undefined;
    });
    assert.deepEqual(
      snap.map((g) => g.label),
      ['Working now', 'Focus', 'Off hours'],
    );
    const [carol] = group(snap, 'Working now');
    assert.equal(carol!.label, 'Carol Shrestha');
    assert.match(carol!.description, /^15:15 Tue · .* · until 18:00 Tue$/);
    const [alice] = group(snap, 'Focus');
    assert.equal(alice!.label, 'Alice Ng');
    assert.match(alice!.description, /^10:30 Tue · .* · focus until 12:00 Tue$/);
    const [bob] = group(snap, 'Off hours');
    assert.match(bob!.description, /^04:30 Tue · .* · back 08:30 Tue \(in 4 h\)$/);
    assert.match(plainMarkdown(bob!.tooltip), /Local time: 04:30 Tue \(America\/New_York\)/);
    assert.match(plainMarkdown(bob!.tooltip), /Best time to reach @bob: /);
  });

  it('shows an away range with the day they are back', async () => {
    await setClock('2026-12-23T10:00:00Z');
    const away = group(await snapshot(), 'Away');
    const alice = away.find((m) => m.label === 'Alice Ng');
    assert.ok(alice, JSON.stringify(away));
    // Away until 3 Jan (a Sunday): back Monday 4 Jan at 09:00 Berlin time.
    assert.match(alice.description, /back 09:00 Mon/);
    assert.match(plainMarkdown(alice.tooltip), /Away: Holiday/);
  });

  it('hover on @login shows local time and state; "@" completes logins', async () => {
    await setClock(undefined);
    const notes = fileUri('docs/team-notes.md');
    await writeText('docs/team-notes.md', 'Ask @carol about the runbook; mail bob@example.com.\n');
    const document = await vscode.workspace.openTextDocument(notes);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes, new vscode.Position(0, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? String(c))).join('\n');
    const plain = plainMarkdown(text);
    assert.match(plain, /Carol Shrestha/);
    assert.match(plain, /Asia\/Kathmandu/);
    const mail = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes, new vscode.Position(0, 40));
    assert.ok(
      !mail.some((h) => h.contents.some((c) => ((c as vscode.MarkdownString).value ?? '').includes('Bob Alvarez'))),
      'an e-mail address is not a mention',
    );
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'cc @'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', notes, new vscode.Position(1, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const login of ['alice', 'bob', 'carol']) assert.ok(labels.includes(login), labels.join(', '));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Add Teammate appends a valid entry and the view shows it', async () => {
    const before = await readText(TEAM);
    await vscode.commands.executeCommand('asyncDesk.team.addTeammate', {
      github: 'dave',
      name: 'Dave Okafor',
      timezone: 'Australia/Lord_Howe',
      hours: '08:00-16:00',
    });
    const after = await readText(TEAM);
    assert.ok(after.startsWith(before.slice(0, before.indexOf('issues:'))), 'existing text kept');
    assert.match(after, /- github: dave\n {4}name: "Dave Okafor"\n {4}timezone: Australia\/Lord_Howe/);
    await waitFor('dave in the Team view', async () => (await snapshot()).some((g) => g.members.some((m) => m.label === 'Dave Okafor')));
  });

  it('Add Teammate on a team file with unsaved changes edits the editor, keeping those changes', async () => {
    const disk = await readText(TEAM);
    const document = await vscode.workspace.openTextDocument(fileUri(TEAM));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    try {
      const errors = await errorMessagesOf(() =>
        vscode.commands.executeCommand('asyncDesk.team.addTeammate', { github: 'erin', name: '', timezone: 'America/Sao_Paulo', hours: '08:00-16:00' }),
      );
      assert.deepEqual(errors, []);
      assert.ok(document.isDirty, 'still unsaved: the user decides when to save');
      assert.ok(document.getText().startsWith('# unsaved note\n'), 'the unsaved change is kept');
      assert.match(document.getText(), /- github: erin\n {4}timezone: America\/Sao_Paulo/);
      assert.equal(await readText(TEAM), disk, 'nothing written to disk');
      await waitFor('erin in the Team view', async () => (await snapshot()).some((g) => g.members.some((m) => m.label === '@erin')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('Add Teammate refuses what the team file would reject, and writes nothing', async () => {
    const before = await readText(TEAM);
    for (const args of [
      { github: 'erin-', hours: '09:00-17:00' },
      { github: 'er--in', hours: '09:00-17:00' },
      { github: 'erin', hours: '9 to 5' },
      { github: 'erin', hours: '09:00-17:00', days: ['Mon', 'Tues'] },
      { github: 'erin', hours: '09:00-17:00', timezone: 'Mars/Base' },
    ].map((a) => ({ name: '', timezone: 'UTC', ...a }))) {
      const errors = await errorMessagesOf(() => vscode.commands.executeCommand('asyncDesk.team.addTeammate', args));
      assert.equal(errors.length, 1, `${JSON.stringify(args)}: ${errors.join(' | ')}`);
      assert.equal(await readText(TEAM), before, `${JSON.stringify(args)} wrote to the team file`);
    }
  });

  it('a broken team file gets diagnostics with lines, and the valid members still show', async () => {
    const text = (await readText(TEAM)).replace('timezone: America/New_York', 'timezone: America/Nowhere');
    await writeText(TEAM, text);
    const expectedLine = text.split('\n').findIndex((l) => l.includes('America/Nowhere'));
    const problem = await waitFor('unknown-zone diagnostic', () =>
      vscode.languages.getDiagnostics(fileUri(TEAM)).find((d) => d.source === 'Async Desk' && /America\/Nowhere/.test(d.message)),
    );
    assert.equal(problem.range.start.line, expectedLine);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    const names = (await snapshot()).flatMap((g) => g.members.map((m) => m.label));
    assert.ok(names.includes('Alice Ng') && names.includes('Carol Shrestha'), names.join(', '));
    assert.ok(!names.includes('Bob Alvarez'), 'the broken entry is left out');
  });
});

interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): {
    state: string;
    openRepository(root: vscode.Uri): Promise<unknown>;
    getRepository(uri: vscode.Uri): { state: { remotes: unknown[] } } | null;
  };
}

/** Runs fn with vscode.window.showErrorMessage recorded instead of shown (a shown one would wait
 *  for a click that never comes); returns the messages. */
async function errorMessagesOf(fn: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as { showErrorMessage: (message: string) => Thenable<unknown> };
  const real = window.showErrorMessage;
  const messages: string[] = [];
  window.showErrorMessage = async (message: string) => void messages.push(message);
  try {
    await fn();
  } finally {
    window.showErrorMessage = real;
  }
  return messages;
}

describe('Open an Issue for Teammate', function () {
  this.timeout(30_000);
  interface Panel {
    handle(message: { type: 'ready' }): Promise<{ repo: string | null; repoProblem?: string; values: { owner: string }; source?: string }>;
    dispose(): void;
  }
  /** The issue form opened for a teammate, as its webview would receive it. */
  const openIssueFor = async (login: string) => {
    const panel = await vscode.commands.executeCommand<Panel | undefined>('asyncDesk.team.openIssueFor', login, { template: 'bug_report' });
    assert.ok(panel, 'an issue form opened');
    try {
      return await panel.handle({ type: 'ready' });
    } finally {
      panel.dispose();
    }
  };

  before(async () => {
    await activateExtension();
    await setClock(undefined);
  });
  afterEach(async () => {
    // A real repository (the last test) stays: deleted under the git extension's feet, its pending
    // `git check-ignore` fails with EPIPE, uncaught, in the extension host all tests share.
    if (!(await exists('.git/HEAD'))) await fsp.rm(fileUri('.git').fsPath, { recursive: true, force: true });
    await fsp.rm(fileUri('.gitdirs').fsPath, { recursive: true, force: true });
  });

  it('opens the issue form for the origin remote with the teammate as owner (remotes from .git/config)', async () => {
    // Not a repository git would open (no HEAD): the extension reads the config file itself.
    await writeText(
      '.git/config',
      [
        '[core]',
        '\tbare = false',
        '[remote "upstream"]',
        '\turl = https://github.com/upstream/ledger.git',
        '[remote "origin"]',
        '\turl = git@github.com:acme/ledger.git',
        '\tfetch = +refs/heads/*:refs/remotes/origin/*',
        '',
      ].join('\n'),
    );
    const init = await openIssueFor('carol');
    assert.equal(init.repo, 'acme/ledger');
    assert.equal(init.values.owner, 'carol');
    assert.equal(init.source, 'For Carol Shrestha');
  });

  it("follows a worktree's .git file to the shared config", async () => {
    await writeText('.gitdirs/main/config', '[remote "origin"]\n\turl = https://github.com/acme/worktrees.git\n');
    await writeText('.gitdirs/main/worktrees/wt/commondir', '../..\n');
    await writeText('.git', 'gitdir: .gitdirs/main/worktrees/wt\n');
    const init = await openIssueFor('@Carol');
    assert.equal(init.repo, 'acme/worktrees');
    assert.equal(init.values.owner, 'carol');
  });

  it('without a GitHub remote: the form says how to add one, and keeps the draft', async () => {
    await writeText('.git/config', '[remote "origin"]\n\turl = git@gitlab.com:acme/ledger.git\n');
    const init = await openIssueFor('carol');
    assert.equal(init.repo, null);
    assert.match(
      init.repoProblem ?? '',
      /has no GitHub remote \(git remote -v\)\. Add one, e\.g\. "git remote add origin https:\/\/github\.com\/OWNER\/REPO\.git"/,
    );
  });

  it('a real repository, with its remotes from the git extension', async function () {
    const root = workspaceRoot();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root.fsPath, encoding: 'utf8' });
    try {
      git('init', '--quiet');
    } catch {
      this.skip(); // no git binary on this machine
    }
    git('remote', 'add', 'origin', 'https://github.com/acme/real-repo.git');
    // The test host runs with git.enabled: false; the git extension starts its model when enabled.
    const gitConfig = vscode.workspace.getConfiguration('git');
    await gitConfig.update('enabled', true, vscode.ConfigurationTarget.Global);
    try {
      const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
      assert.ok(extension, 'the built-in git extension');
      const exports = await extension.activate();
      const api = await waitFor('the git extension to start', () => (exports.enabled ? exports.getAPI(1) : undefined));
      await waitFor('the git API to be ready', () => api.state === 'initialized');
      await api.openRepository(root);
      await waitFor('the git extension to see the remote', () => (api.getRepository(root)?.state.remotes.length ?? 0) > 0);
      assert.equal((await openIssueFor('alice')).repo, 'acme/real-repo');
    } finally {
      await gitConfig.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
