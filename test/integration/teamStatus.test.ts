// Teammates' GitHub status in the real VS Code against the loopback fake GitHub, which validates
// every GraphQL request against GitHub's schema: busy maps to the Busy group until expiresAt, one
// request for the whole team, and a rate limit is a quiet message on the view that keeps the last data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFakeGitHub, DEFAULT_TOKEN, type FakeGitHub } from '../fakeGithub/server';
import { activateExtension, readText, setClock, waitFor, writeText, testHooks } from './helpers';

const TEAM = '.github/team.yml';
const names = async () => (await (await testHooks()).team.snapshot()).flatMap((g) => g.members.map((m) => m.label));

describe('Team view with GitHub status', function () {
  this.timeout(60_000);
  let github: FakeGitHub;
  const config = () => vscode.workspace.getConfiguration('asyncDesk');

  // Tue 24 Nov 2026, 09:30 UTC: Carol (Kathmandu, 15:15) is working, so her GitHub status decides;
  // on a holiday or her weekend she would be away or off instead (away comes before busy).
  const AT = '2026-11-24T09:30:00Z';

  before(async () => {
    await activateExtension();
    await setClock(AT);
    // Ahead of both clocks: the fake GitHub drops expired statuses by the real time, the Team view
    // judges them at the extension's (fixed) time.
    const expiresAt = new Date(Math.max(Date.now(), Date.parse(AT)) + 2 * 3600_000).toISOString();
    github = await startFakeGitHub({
      users: [
        { login: 'alice', name: 'Alice Ng', status: null },
        { login: 'carol', name: 'Carol Shrestha', status: { emoji: ':no_bell:', message: 'Incident review', indicatesLimitedAvailability: true, expiresAt } },
      ],
    });
    await config().update('github.apiUrl', github.url, vscode.ConfigurationTarget.Global);
    await (await testHooks()).signInWithToken(DEFAULT_TOKEN);
    await config().update('team.githubStatus', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setClock(undefined);
    await config().update('team.githubStatus', undefined, vscode.ConfigurationTarget.Global);
    await config().update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('asyncDesk.github.signOut');
    await github?.close();
  });

  it('fetches all statuses in one validated GraphQL request and shows a busy teammate as Busy', async () => {
    github.reset();
    await (await testHooks()).team.refreshStatus();
    const snap = await waitFor('Carol in Busy', async () => {
      const s = await (await testHooks()).team.snapshot();
      return s.find((g) => g.label === 'Busy')?.members.some((m) => m.label === 'Carol Shrestha') ? s : undefined;
    });
    const carol = snap.find((g) => g.label === 'Busy')!.members[0]!;
    assert.match(carol.description, /^🔕 .*busy until \d\d:\d\d/, 'the status emoji as a character, then the state');
    const graphql = github.requests.filter((r) => r.path === '/graphql');
    assert.equal(graphql.length, 1, 'one request for the whole team');
    assert.deepEqual(github.violations, [], 'every request is one GitHub would accept');
  });

  it('the issue form shows a busy teammate as busy, with a warning before assigning them', async () => {
    const panel = await vscode.commands.executeCommand<{ handle(m: { type: string; values?: unknown }): Promise<any>; dispose(): void }>(
      'asyncDesk.team.openIssueFor',
      'carol',
      { template: 'bug_report' },
    );
    try {
      const init = await panel.handle({ type: 'ready' });
      const carol = init.owners.find((o: { login: string }) => o.login === 'carol');
      assert.equal(carol?.state, 'busy', JSON.stringify(carol));
      const derived = await panel.handle({ type: 'change', values: { ...init.values, owner: 'carol', due: '' } });
      assert.match(derived.ownerWarning ?? '', /Carol Shrestha is busy on GitHub until .*: Incident review/);
    } finally {
      panel.dispose();
    }
  });

  it('a rate limit keeps the last statuses and says so quietly on the view', async () => {
    github.failNext({ rateLimit: { resetSeconds: 600 }, match: { graphql: true } });
    await (await testHooks()).team.refreshStatus();
    const message = await waitFor('a message on the view', async () => (await testHooks()).team.viewMessage());
    assert.match(message, /rate limit/i);
    const snap = await (await testHooks()).team.snapshot();
    assert.ok(
      snap.find((g) => g.label === 'Busy')?.members.some((m) => m.label === 'Carol Shrestha'),
      'last good statuses kept',
    );
    assert.deepEqual(github.violations, []);
  });

  it('the stored token goes only to the API URL it was saved for', async () => {
    // A repository's .vscode/settings.json can point asyncDesk.github.apiUrl anywhere.
    const elsewhere = await startFakeGitHub();
    try {
      await config().update('github.apiUrl', elsewhere.url, vscode.ConfigurationTarget.Global);
      await (await testHooks()).team.refreshStatus();
      const message = await (await testHooks()).team.viewMessage();
      assert.match(message ?? '', /GitHub status not updated: Not signed in to GitHub: run "Async Desk: Show Teammates' GitHub Status" to sign in\.$/);
      assert.deepEqual(
        elsewhere.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`),
        [],
        'nothing sent to the other host',
      );
    } finally {
      await config().update('github.apiUrl', github.url, vscode.ConfigurationTarget.Global);
      await elsewhere.close();
    }
    // Back at the host it was saved for, the token works again.
    github.reset();
    await (await testHooks()).team.refreshStatus();
    // (The view may also name a broken team file left by another test: only the GitHub part matters.)
    const message = await (await testHooks()).team.viewMessage();
    assert.doesNotMatch(message ?? '', /GitHub status/);
    // Changing the URL back may itself trigger a refresh besides ours: one or two, all with the token.
    const graphql = github.requests.filter((r) => r.path === '/graphql');
    assert.ok(graphql.length >= 1, 'the token is used again');
    assert.deepEqual(
      graphql.map((r) => r.headers.authorization),
      graphql.map(() => `token ${DEFAULT_TOKEN}`),
    );
  });

  it('editing the team file sends no request while the view is hidden; new teammates are fetched when it shows', async () => {
    const original = await readText(TEAM);
    const graphql = () => github.requests.filter((r) => r.path === '/graphql');
    try {
      await vscode.commands.executeCommand('workbench.view.explorer'); // the Team view is not visible
      github.reset();
      await writeText(TEAM, original.replace('name: Carol Shrestha', 'name: Carol S.'));
      await waitFor('the renamed teammate', async () => (await names()).includes('Carol S.'));
      await writeText(
        TEAM,
        `${original.replace(/\n?$/, '\n').replace('members:\n', 'members:\n  - github: frank\n    name: Frank Li\n    timezone: Asia/Shanghai\n')}`,
      );
      await waitFor('the new teammate', async () => (await names()).includes('Frank Li'));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(
        graphql().map((r) => r.graphql?.query),
        [],
        'no request while nobody looks',
      );

      await vscode.commands.executeCommand('asyncDesk.team.focus');
      const [request] = await waitFor('a request when the view shows', () => (graphql().length ? graphql() : undefined));
      assert.match(request!.graphql!.query, /user\(login: "frank"\)/);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(graphql().length, 1, 'one request for the new team');
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await writeText(TEAM, original);
      await waitFor('the team file as before', async () => !(await names()).includes('Frank Li'));
    }
  });

  it('"Show Teammates\' GitHub Status" with the setting off turns it on with one request, not a failed one and a retry', async () => {
    await config().update('team.githubStatus', undefined, vscode.ConfigurationTarget.Global);
    const graphql = () => github.requests.filter((r) => r.path === '/graphql');
    try {
      await vscode.commands.executeCommand('asyncDesk.team.focus');
      github.reset();
      await vscode.commands.executeCommand('asyncDesk.team.enableGitHubStatus');
      assert.equal(config().get('team.githubStatus'), true);
      await waitFor('Carol in Busy', async () => {
        const s = await (await testHooks()).team.snapshot();
        return s.find((g) => g.label === 'Busy')?.members.some((m) => m.label === 'Carol Shrestha');
      });
      await new Promise((r) => setTimeout(r, 1000)); // late configuration and session events must not fetch again
      assert.equal(
        graphql().length,
        1,
        graphql()
          .map((r) => r.graphql?.query.slice(0, 40))
          .join(' | '),
      );
      // And it keeps polling while the view is visible: the next refresh is scheduled.
      const polling = await (await testHooks()).team.polling();
      assert.equal(polling.active, true);
      assert.ok(polling.nextRunAt && polling.nextRunAt > Date.now(), JSON.stringify(polling));
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await config().update('team.githubStatus', true, vscode.ConfigurationTarget.Global);
    }
  });
});
