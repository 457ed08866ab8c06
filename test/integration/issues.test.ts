// Issues from templates in the real VS Code, against the loopback fake GitHub (every request validated
// against GitHub's OpenAPI description): open the form, fill it, submit, and check the exact request;
// failures keep the draft and a retry never duplicates; an issue for a decision is written back to it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFakeGitHub, DEFAULT_TOKEN, type FakeGitHub } from '../fakeGithub/server';
import { promises as fsp } from 'node:fs';
import { activateExtension, fileUri, readText, waitFor, writeText, testHooks, type IssueFormTestPanel } from './helpers';
import { discoverTemplates, renderIssueBody } from '../../src/core/issues';
import { parseTeamFile } from '../../src/core/team';
import { dayNumber } from '../../src/core/team/zone';
import { isWorkingDay } from '../../src/core/standups/carry';
import { addDays, dayLabel, isoDateInZone } from '../../src/core/shared/dates';
import type { FormValues } from '../../src/protocol/issueForm';
import type { IssueFormPanel } from '../../src/features/issues/issueFormPanel';

interface Panel extends IssueFormTestPanel {
  draftId: string;
}

const service = () => testHooks().then((hooks) => hooks.issues.service());
/** What a form sent its webview so far (the test hooks record every form from the moment it opens). */
const sentBy = async (panel: Panel) => (await testHooks()).issues.sent(panel as unknown as IssueFormPanel) as readonly { type: string }[];
const config = () => vscode.workspace.getConfiguration('asyncDesk');
const MARKER = /\n\n<!-- async-desk:draft=[A-Za-z0-9._-]+ -->$/;

describe('Issues from templates', function () {
  this.timeout(60_000);
  let github: FakeGitHub;
  const open: Panel[] = [];

  const answers = {
    version: '2026.11.3',
    'what-happened': 'Expected: one posting\nActual: two postings',
    logs: '',
    environment: 'production',
    services: ['postings', 'payouts'],
    checks: ['I searched the open issues.'],
  };
  /** A due date that is still ahead whenever the tests run: @alice's first working day a week or more from now. */
  let due = '';
  const values = (over: Partial<FormValues> = {}): FormValues => ({ title: '[Bug]: double posting', answers, body: '', owner: 'alice', due, ...over });

  /**
   * Opens a form and waits until its real webview has loaded and gone quiet. The tests then speak for
   * the webview (panel.handle); a late 'change' from the webview itself, with the values it was given,
   * would otherwise race with them and overwrite the draft with the template's values.
   */
  async function form(args: Record<string, unknown> = { template: 'bug_report' }): Promise<Panel> {
    const panel = (await (await service()).open(args))! as Panel;
    open.push(panel);
    // Now and then (seen on a loaded CI machine) a panel's webview does not start at all; then the test
    // speaks for it from the start, as nothing else will.
    const started = await waitFor('the form webview to ask for its contents', async () => (await sentBy(panel)).some((m) => m.type === 'init'), 8_000).then(
      () => true,
      () => false,
    );
    if (!started) await panel.handle({ type: 'ready' });
    const svc = await service();
    let last = svc.drafts.get(panel.draftId)?.updated;
    let quietSince = Date.now();
    await waitFor('the form webview to go quiet', () => {
      const updated = svc.drafts.get(panel.draftId)?.updated;
      if (updated !== last) [last, quietSince] = [updated, Date.now()];
      return Date.now() - quietSince >= 400;
    });
    return panel;
  }

  before(async () => {
    await activateExtension();
    const team = parseTeamFile(await readText('.github/team.yml'), '.github/team.yml').team;
    const alice = team.members.find((m) => m.github === 'alice')!;
    due = addDays(isoDateInZone(new Date(), 'Europe/Berlin'), 7);
    while (!isWorkingDay(dayNumber(due)!, alice, team)) due = addDays(due, 1);
    await testHooks(); // loads the features bundle
    github = await startFakeGitHub({
      users: ['alice', 'bob', 'carol'],
      repos: { 'acme/ledger': { collaborators: { octocat: 'push', alice: 'push', bob: 'push' }, labels: ['bug', 'triage'] } },
    });
    await config().update('github.apiUrl', github.url, vscode.ConfigurationTarget.Global);
    await (await testHooks()).signInWithToken(DEFAULT_TOKEN);
    // No test here answers a modal question: one asked fails its test at once instead of waiting for a click.
    (await testHooks()).answerQuestions('fail');
    await writeText(
      '.git/config',
      '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/ledger.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
    );
  });

  afterEach(() => {
    for (const panel of open.splice(0)) panel.dispose();
  });

  after(async () => {
    (await testHooks()).answerQuestions(undefined);
    await fsp.rm(fileUri('.git').fsPath, { recursive: true, force: true });
    await config().update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('asyncDesk.github.signOut');
    await github?.close();
  });

  it("opens a form from the repo template, fills it and sends exactly github.com's body with the due line", async () => {
    github.reset();
    const panel = await form();
    const init = (await sentBy(panel)).find((m) => m.type === 'init') as unknown as {
      init: { repo: string; template: { fields: unknown[]; labels: string[] }; values: FormValues };
    };
    assert.equal(init.init.repo, 'acme/ledger');
    assert.deepEqual(init.init.template.labels, ['bug', 'triage'], "template labels plus the team file's labels for bug_report");
    assert.equal(init.init.values.due, '+1 workday', "the team file's due for bug_report");
    assert.equal(init.init.values.answers.environment, 'staging', 'the dropdown default');
    // The markdown element reaches the webview as an inert tree: formatting and the https link kept,
    // the HTML and the javascript: "link" only as text.
    const note = (init.init.template.fields as { type: string; markdown?: unknown }[]).find((f) => f.type === 'markdown')!;
    assert.deepEqual(note.markdown, [
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Never paste ' },
          { t: 'strong', c: [{ t: 'text', v: 'card numbers' }] },
          { t: 'text', v: ' or customer names. See ' },
          { t: 'a', href: 'https://runbooks.example/ledger', c: [{ t: 'text', v: 'the runbook' }] },
          { t: 'text', v: '.\n<img src=x onerror="alert(1)"> [not a link](javascript:alert(1))' },
        ],
      },
    ]);

    const derived = await panel.handle({ type: 'change', values: values() });
    assert.deepEqual(derived.errors, []);
    // dayLabel: 'Tue 1 Dec 2026'; the form shows the owner's day without the year, at the end of her hours.
    const [weekday, dayOfMonth, month] = dayLabel(due).split(' ');
    assert.ok(derived.due && 'theirs' in derived.due, JSON.stringify(derived.due));
    assert.equal(derived.due.theirs, `${weekday} ${dayOfMonth} ${month} 17:30 Europe/Berlin`);

    const outcome = await panel.handle({ type: 'submit', values: values() });
    assert.equal(
      outcome?.kind,
      'created',
      `${JSON.stringify(outcome)}; requests: ${github.requests.map((r) => `${r.method} ${r.path}${JSON.stringify(r.query)} ${r.status}`).join(', ')}`,
    );
    const posts = github.requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/ledger/issues');
    assert.equal(posts.length, 1);
    const sent = posts[0]!.body as { title: string; body: string; labels: string[]; assignees: string[] };
    const template = (await discoverTemplates(vscode.workspace.workspaceFolders![0]!.uri.fsPath)).templates.find((t) => t.key === 'bug_report')!;
    const expected = `${renderIssueBody(template, answers)}\n\nDue: ${due} (${weekday}) 17:30 Europe/Berlin, end of day for @alice`;
    assert.equal(sent.body.replace(MARKER, ''), expected);
    assert.match(sent.body, MARKER, 'the hidden idempotency marker');
    assert.match(
      sent.body,
      /^### Ledger version\n\n2026\.11\.3\n\n### What happened\?\n\nExpected: one posting\nActual: two postings\n\n### Relevant log output\n\n_No response_\n\n/,
    );
    assert.equal(sent.title, '[Bug]: double posting');
    assert.deepEqual(sent.labels, ['bug', 'triage']);
    assert.deepEqual(sent.assignees, ['alice']);
    assert.deepEqual(github.violations, []);
    // globalState (a Memento) may show a draft again for a moment after it is removed: VS Code replaces
    // its in-memory copy with the echo of an earlier write (seen on a loaded machine). Gone means gone
    // once storage has settled.
    const svc = await service();
    await waitFor('the sent draft to be gone', () => svc.drafts.get(panel.draftId) === undefined, 5_000);
    assert.equal((await service()).outbox.get(panel.draftId), undefined, 'and so is its outbox entry');
  });

  it('required fields are enforced (also for private repos) before anything is sent', async () => {
    github.reset();
    const panel = await form();
    const outcome = await panel.handle({ type: 'submit', values: values({ answers: { ...answers, version: '', checks: [] } }) });
    assert.equal(outcome?.kind, 'invalid');
    assert.deepEqual(outcome.derived.errors.map((e: { field: string }) => e.field).sort(), ['checks', 'version']);
    assert.equal(github.requests.filter((r) => r.method === 'POST').length, 0);
    assert.ok((await service()).drafts.get(panel.draftId), 'the draft is kept');
  });

  it('a lost response keeps the draft in the outbox, and the retry finds the issue instead of creating a second one', async () => {
    github.reset();
    github.failNext({ status: 502, afterEffect: true, match: { method: 'POST', path: '/repos/acme/ledger/issues' } });
    const panel = await form();
    const first = await panel.handle({ type: 'submit', values: values({ title: '[Bug]: lost response' }) });
    assert.equal(first?.kind, 'failed');
    assert.equal(first.failure.queued, true);
    assert.match(first.failure.message, /safe/i);
    const svc = await service();
    assert.deepEqual(svc.drafts.get(panel.draftId)?.values.title, '[Bug]: lost response', 'the draft is intact');
    assert.equal(svc.outbox.get(panel.draftId)?.status, 'failed');
    const again = await svc.retry(panel.draftId);
    assert.equal(again?.kind, 'created');
    assert.equal(again.result.reused, true);
    const created = github.state.repo('acme', 'ledger')!.issues.filter((i) => i.title === '[Bug]: lost response');
    assert.equal(created.length, 1, 'exactly one issue');
    assert.deepEqual(github.violations, []);
  });

  it("GitHub's 422 field errors come back onto the form; the draft is kept", async () => {
    github.reset();
    github.failNext({
      status: 422,
      match: { method: 'POST', path: '/repos/acme/ledger/issues' },
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'title', code: 'invalid' }],
        documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        status: '422',
      },
    });
    const panel = await form();
    const outcome = await panel.handle({ type: 'submit', values: values({ title: '[Bug]: rejected' }) });
    assert.equal(outcome?.kind, 'failed');
    assert.equal(outcome.failure.queued, false);
    assert.ok(
      outcome.failure.fieldErrors.some((e: { field: string }) => e.field === 'title'),
      JSON.stringify(outcome.failure),
    );
    assert.ok((await service()).drafts.get(panel.draftId));
  });

  it('offline: the draft waits in the outbox and goes out on the next retry', async () => {
    github.reset();
    github.failNext({ dropConnection: true, times: 3 });
    const panel = await form();
    const outcome = await panel.handle({ type: 'submit', values: values({ title: '[Bug]: offline' }) });
    assert.equal(outcome?.kind, 'failed');
    assert.equal(outcome.failure.kind, 'offline', JSON.stringify(outcome.failure));
    assert.equal(outcome.failure.queued, true);
    github.reset();
    const svc = await service();
    assert.equal((await svc.retry(panel.draftId))?.kind, 'created');
    assert.equal(github.state.repo('acme', 'ledger')!.issues.filter((i) => i.title === '[Bug]: offline').length, 1);
  });

  it('from a decision record: the issue number is added to its issues list and Follow-ups', async () => {
    github.reset();
    // A record of its own (other suites renumber and supersede the fixture's records, and leave a
    // .log4brains.yml that moves the decisions folder): the folder is set explicitly.
    await config().update('decisionsDir', 'docs/decisions', vscode.ConfigurationTarget.Workspace);
    const record = 'docs/decisions/0042-keep-snapshots-for-thirty-days.md';
    await writeText(record, '---\nstatus: accepted\ndate: 2026-11-20\nowner: bob\n---\n# Keep snapshots for thirty days\n\n## Decision\n\nThirty days.\n');
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, ...record.split('/'));
    await vscode.commands.executeCommand('asyncDesk.decisions.refresh');
    const panel = await form({ template: 'decision_follow_up', record: uri });
    const init = (await sentBy(panel)).find((m) => m.type === 'init') as unknown as { init: { values: FormValues; source?: string } };
    assert.match(init.init.source ?? '', /Decision: ADR-0042 Keep snapshots for thirty days/);
    const outcome = await panel.handle({ type: 'submit', values: { ...init.init.values, title: 'Follow-up: snapshot retention', owner: 'bob', due: '' } });
    assert.equal(outcome?.kind, 'created', JSON.stringify(outcome));
    const text = await waitFor('the record updated', async () => {
      const t = await readText(record);
      return t.includes(`#${outcome.result.number}`) ? t : undefined;
    });
    await config().update('decisionsDir', undefined, vscode.ConfigurationTarget.Workspace);
    assert.match(text, new RegExp(`issues: .*"#${outcome.result.number}"`));
    assert.match(
      text,
      new RegExp(
        `## Follow-ups[\\s\\S]*- \\[#${outcome.result.number}\\]\\(${outcome.result.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) Follow-up: snapshot retention`,
      ),
    );
  });

  it("from the Decisions view's context menu: the record's tree node is the record the issue follows up", async () => {
    await config().update('decisionsDir', 'docs/decisions', vscode.ConfigurationTarget.Workspace);
    try {
      const record = 'docs/decisions/0043-menu-record.md';
      await writeText(record, '---\nstatus: accepted\ndate: 2026-11-20\n---\n# Rotate the keys yearly\n\n## Decision\n\nYearly.\n');
      await vscode.commands.executeCommand('asyncDesk.decisions.refresh');
      // What VS Code passes from the menu: the tree node ({ kind: 'record', ref }), nothing else.
      const node = { kind: 'record', ref: { folder: { root: vscode.workspace.workspaceFolders![0]!.uri }, record: { file: record } } };
      const opening = vscode.commands.executeCommand<Panel | undefined>('asyncDesk.issues.openFromTemplate', node);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the template pick, decision templates first
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const panel = (await opening)!;
      open.push(panel);
      // As in form(): speak for a webview that does not start (seen on a loaded CI machine).
      const started = await waitFor('the form webview to ask for its contents', async () => (await sentBy(panel)).some((m) => m.type === 'init'), 8_000).catch(
        () => false,
      );
      if (!started) await panel.handle({ type: 'ready' });
      const init = (await sentBy(panel)).find((m) => m.type === 'init') as unknown as { init: { source?: string } };
      assert.match(init.init.source ?? '', /Decision: ADR-0043 Rotate the keys yearly/);
    } finally {
      await config().update('decisionsDir', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a broken issue template gets diagnostics with its line, as `async-desk check` reports them', async () => {
    const file = '.github/ISSUE_TEMPLATE/broken.yml';
    await writeText(
      file,
      'name: Broken\ndescription: x\nbody:\n  - type: input\n    id: a\n    attributes: { label: A }\n  - type: date\n    attributes: { label: When }\n  - type: input\n    id: a\n    attributes: { label: Again }\n',
    );
    try {
      const document = await vscode.workspace.openTextDocument(fileUri(file));
      const diagnostics = await waitFor('template diagnostics', () => {
        const d = vscode.languages.getDiagnostics(document.uri);
        return d.length >= 2 ? d : undefined;
      });
      const unknownType = diagnostics.find((d) => /"date" is not a field type/.test(d.message));
      assert.ok(unknownType, diagnostics.map((d) => d.message).join(' | '));
      assert.equal(unknownType.range.start.line, 6);
      assert.ok(
        diagnostics.some((d) => /duplicate/i.test(d.message) && d.range.start.line >= 8),
        diagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join(' | '),
      );
    } finally {
      await fsp.rm(fileUri(file).fsPath, { force: true });
    }
  });
});
