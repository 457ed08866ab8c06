// Standups in the real VS Code: the Today panel's composer saves the right file, keeps the draft when
// the panel goes away, follows edits made in the file, and never overwrites a file that changed
// behind its back; the team digest at a fixed clock; the Standups view; the weekly summary.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import { activateExtension, exists, fileUri, readText, setClock, waitFor, writeText, testHooks } from './helpers';
import { previousWorkingDay } from '../../src/core/standups';
import { parseTeamFile } from '../../src/core/team';
import { dayLabel, isoDateInZone } from '../../src/core/shared/dates';
import type { ComposerFields, HostToTodayMessage, TodayState, TodayToHostMessage } from '../../src/protocol/today';
import { revisionOf } from '../../src/core/standups/composerModel';

const fields = (over: Partial<ComposerFields> = {}): ComposerFields => ({ done: '', next: '', blockerRows: [], newBlockers: '', notes: '', ...over });

async function state(): Promise<TodayState | undefined> {
  return (await testHooks()).today.state();
}

/** Sends a message as the webview would; returns what the host posted back while handling it. */
async function send(message: TodayToHostMessage): Promise<HostToTodayMessage[]> {
  return (await testHooks()).today.send(message);
}

/** The host's answer to a save among what it posted. */
const reply = (posted: HostToTodayMessage[]) => posted.find((m) => m.type === 'saved');

/** Waits for a Today state (sent to the webview) that satisfies `check`. */
async function stateWhere(what: string, check: (s: TodayState) => boolean): Promise<TodayState> {
  return waitFor(what, async () => {
    const s = await state();
    return s && check(s) ? s : undefined;
  });
}

async function setMe(login: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('asyncDesk').update('me', login, vscode.ConfigurationTarget.Global);
}

// Alice is in Europe/Berlin (test/fixtures/workspace/.github/team.yml): her standup is dated by her day.
// The composer runs at a fixed instant: Thu 26 Nov 2026, 10:00 in Berlin, a working day of hers with
// no standup of hers in the fixture that day or the day before (with the real clock, a run on a day
// the fixture has her standup for would find it already written).
const COMPOSER_AT = '2026-11-26T09:00:00Z';
const aliceToday = () => isoDateInZone(new Date(COMPOSER_AT), 'Europe/Berlin');

describe('Standups: the Today composer', function () {
  this.timeout(40_000);
  let today: string;
  let file: string;

  before(async () => {
    await activateExtension();
    await testHooks(); // loads the features bundle
    await setMe('alice');
    await setClock(COMPOSER_AT);
    today = aliceToday();
    file = `docs/standups/${today}/alice.md`;
    await vscode.commands.executeCommand('asyncDesk.today.focus');
  });

  after(async () => {
    (await testHooks()).answerQuestions(undefined);
    await setMe(undefined);
    await setClock(undefined);
  });

  it("pre-fills Done from the previous working day's Next and carries open blockers", async () => {
    const team = parseTeamFile(await readText('.github/team.yml'), '.github/team.yml').team;
    const alice = team.members.find((m) => m.github === 'alice')!;
    const previous = previousWorkingDay(today, alice, team);
    await writeText(
      `docs/standups/${previous}/alice.md`,
      `---\nauthor: alice\ndate: ${previous}\n---\n## Done\n- Old thing\n## Next\n- Ship the ledger export\n- Review @bob's PR\n## Blockers\n- [ ] Waiting for staging credentials from @carol\n- [x] Flaky CI (fixed)\n`,
    );
    const s = await stateWhere('the pre-fill', (st) => st.composer?.prefilledFrom === previous);
    assert.equal(s.composer!.date, today);
    assert.equal(s.composer!.file, file);
    assert.equal(s.composer!.exists, false);
    assert.equal(s.composer!.saved.done, "Ship the ledger export\nReview @bob's PR");
    assert.deepEqual(s.composer!.saved.blockerRows, [{ text: 'Waiting for staging credentials from @carol', checked: false }]);
  });

  it('saves the composer to docs/standups/<her date>/alice.md in the SPEC format', async () => {
    const s = (await state())!;
    await send({
      type: 'save',
      date: today,
      base: s.composer!.revision,
      fields: fields({
        done: 'Shipped ledger export (#412)',
        next: "- Review @bob's migration PR",
        blockerRows: s.composer!.saved.blockerRows,
        newBlockers: 'Need a decision on retries',
      }),
    });
    assert.equal(
      await readText(file),
      `---\nauthor: alice\ndate: ${today}\n---\n## Done\n- Shipped ledger export (#412)\n## Next\n- Review @bob's migration PR\n## Blockers\n- [ ] Waiting for staging credentials from @carol\n- [ ] Need a decision on retries\n`,
    );
    const after = await stateWhere('the saved file', (st) => st.composer?.exists === true && st.composer.revision !== s.composer!.revision);
    assert.equal(after.composer!.draft, undefined);
    assert.equal(after.composer!.saved.blockerRows.length, 2);
  });

  it('says the standup is not shared and why: this workspace is not a git repository (the file is written as before)', async () => {
    const s = await stateWhere('the sharing lines', (st) => !!st.sharing.digest && !!st.sharing.composer);
    assert.equal(s.sharing.composer!.text, 'Not shared: not a git repository');
    assert.equal(s.sharing.composer!.tone, 'off');
    assert.match(s.sharing.composer!.title, /is not in a git repository/);
    assert.equal(s.sharing.digest!.text, 'Not shared: not a git repository');
    assert.equal(s.sharing.digest!.canSync, false);
    // Saving writes the file in the working tree (on its own: this test may run alone, under a grep).
    const posted = await send({ type: 'save', date: today, base: s.composer!.revision, fields: fields({ ...s.composer!.saved, done: 'Not shared, saved' }) });
    assert.equal((reply(posted) as { ok: boolean }).ok, true);
    assert.match(await readText(file), /- Not shared, saved/);
  });

  it('keeps the draft when the panel is closed and opened again (extension storage)', async () => {
    const s = (await state())!;
    const typed = fields({ ...s.composer!.saved, next: 'Pair with @carol on alerts\nWrite the retro' });
    await send({ type: 'draftChanged', date: today, fields: typed, base: s.composer!.revision });
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('asyncDesk.today.focus');
    const reopened = await stateWhere('the draft after reopening', (st) => !!st.composer?.draft);
    assert.deepEqual(reopened.composer!.draft, { fields: typed, base: s.composer!.revision });
    // The file itself is untouched by a draft.
    assert.match(await readText(file), /Review @bob's migration PR/);
  });

  it('shows an edit made in the file', async () => {
    const text = await readText(file);
    await fsp.writeFile(fileUri(file).fsPath, text.replace('## Next\n', '## Next\n- Edited in the file\n'), 'utf8');
    const s = await stateWhere('the edit in the panel', (st) => !!st.composer?.saved.next.includes('Edited in the file'));
    // The older draft is still there, and now based on an older revision of the file.
    assert.ok(s.composer!.draft);
    assert.notEqual(s.composer!.draft.base, s.composer!.revision);
  });

  it('does not overwrite a file that changed since the edits began, unless you say so', async () => {
    const s = (await state())!;
    const staleBase = s.composer!.draft!.base;
    const onDisk = await readText(file);
    const mine = fields({ done: 'Mine', next: 'Mine too' });
    // Answer "Cancel" to the question: nothing is written, the draft stays.
    (await testHooks()).answerQuestions(false);
    await send({ type: 'save', date: today, fields: mine, base: staleBase });
    assert.equal(await readText(file), onDisk);
    await send({ type: 'draftChanged', date: today, fields: mine, base: staleBase });
    assert.deepEqual((await stateWhere('draft kept', (st) => !!st.composer?.draft)).composer!.draft!.fields, mine);
    // Answer "Replace": the sections are replaced, anything else in the file is kept.
    await fsp.writeFile(fileUri(file).fsPath, `${onDisk}\n## Links\n- https://example.com/runbook\n`, 'utf8');
    (await testHooks()).answerQuestions(true);
    await send({ type: 'save', date: today, fields: mine, base: staleBase });
    const written = await readText(file);
    assert.match(written, /## Done\n- Mine\n## Next\n- Mine too\n/);
    assert.match(written, /## Links\n- https:\/\/example.com\/runbook/);
    assert.doesNotMatch(written, /Edited in the file/);
  });

  it('a save with an up-to-date base does not ask', async () => {
    (await testHooks()).answerQuestions('fail');
    const s = await stateWhere('fresh state', (st) => st.composer?.saved.done === 'Mine');
    const posted = await send({ type: 'save', date: today, fields: fields({ ...s.composer!.saved, notes: 'Out at 16:00' }), base: s.composer!.revision });
    const written = await readText(file);
    assert.match(written, /## Notes\nOut at 16:00\n/);
    // The reply names the revision the save wrote: the panel takes that state, and no other, for its save.
    assert.deepEqual(reply(posted), { type: 'saved', ok: true, revision: revisionOf(written) });
  });

  it('a save that changes nothing still names the revision it left (the file as it was)', async () => {
    const s = await stateWhere('the saved notes', (st) => !!st.composer?.saved.notes.includes('Out at 16:00'));
    const before = await readText(file);
    const posted = await send({ type: 'save', date: today, fields: s.composer!.saved, base: s.composer!.revision });
    assert.equal(await readText(file), before);
    assert.deepEqual(reply(posted), { type: 'saved', ok: true, revision: s.composer!.revision });
    assert.equal(revisionOf(before), s.composer!.revision);
  });

  it('a cancelled save says so and names no revision', async () => {
    (await testHooks()).answerQuestions(false);
    const before = await readText(file);
    const posted = await send({ type: 'save', date: today, fields: fields({ done: 'Stale' }), base: 'stale-base' });
    assert.deepEqual(reply(posted), { type: 'saved', ok: false, message: 'Not saved: your draft is kept.' });
    assert.equal(await readText(file), before);
  });
});

describe('Standups: digest, view and summary', function () {
  this.timeout(40_000);

  before(async () => {
    await activateExtension();
    await setMe('bob');
    await writeText(
      'docs/standups/2026-11-24/carol.md',
      '---\nauthor: carol\ndate: 2026-11-24\n---\n## Done\n- Alerts for the ledger\n## Next\n- On-call handover\n## Blockers\n- [ ] Need @bob to review the alert rules\n',
    );
    await writeText(
      'docs/standups/2026-11-23/carol.md',
      '---\nauthor: carol\ndate: 2026-11-23\n---\n## Done\n- Dashboards\n## Next\n- Alerts\n## Blockers\n- [ ] Need @bob to review the alert rules\n',
    );
    await writeText(
      'docs/standups/2026-11-20/carol.md',
      '---\nauthor: carol\ndate: 2026-11-20\n---\n## Done\n- Runbook\n## Next\n- Dashboards\n## Blockers\n- [ ] Need @bob to review the alert rules\n',
    );
    await setClock('2026-11-24T09:30:00Z');
    await vscode.commands.executeCommand('asyncDesk.today.focus');
  });

  after(async () => {
    await setClock(undefined);
    await setMe(undefined);
  });

  it('lists who posted, who has not started yet and who is missing, blockers that mention me first', async () => {
    // Tue 24 Nov 09:30 UTC: Carol (Kathmandu, 15:15) posted; Alice (Berlin, 10:30) is past 09:00 and
    // has nothing for the 24th; Bob (New York, 04:30) has not started his day.
    await send({ type: 'digestDay', date: '2026-11-24' });
    // The files written in before() reach the index through the file watcher: wait for Carol's.
    const s = await stateWhere(
      "the digest of 24 Nov with Carol's standup",
      (st) => st.digest?.date === '2026-11-24' && !!st.digest.entries.find((e) => e.github === 'carol' && e.status === 'posted'),
    );
    const byLogin = new Map(s.digest!.entries.map((e) => [e.github, e]));
    assert.equal(byLogin.get('carol')!.status, 'posted');
    assert.equal(byLogin.get('bob')!.status, 'not-started');
    assert.equal(byLogin.get('alice')!.status, 'missing');
    assert.equal(s.digest!.entries[0]!.github, 'carol', 'a blocker that mentions me (bob) comes first');
    const blocker = byLogin.get('carol')!.blockers[0]!;
    assert.equal(blocker.mentionsMe, true);
    // Open on Fri 20, Mon 23, Tue 24: two working days before today, so not yet "more than 2".
    assert.match(blocker.age, /open 2 working days \(since 2026-11-20\)/);
    assert.equal(blocker.stale, false);
    assert.deepEqual(s.digest!.counts, { posted: 1, 'not-started': 1, missing: 1, away: 0, dayOff: 0 });
    // Sunday the 22nd: nobody works; the totals say "day off", not "away" or "not started".
    await send({ type: 'digestDay', date: '2026-11-22' });
    const sunday = await stateWhere('the digest of Sunday 22 Nov', (st) => st.digest?.date === '2026-11-22');
    // (The composer tests may have posted Alice's standup for the real today, which can be this Sunday.)
    const entries = sunday.digest!.entries;
    const posted = entries.filter((e) => e.status === 'posted').length;
    assert.ok(
      entries.every((e) => e.dayOff || e.status === 'posted'),
      JSON.stringify(entries.map((e) => [e.github, e.status, e.dayOff])),
    );
    assert.ok(entries.length - posted >= 2, 'Bob and Carol have not posted');
    assert.deepEqual(sunday.digest!.counts, { posted, 'not-started': 0, missing: 0, away: 0, dayOff: entries.length - posted });
    await send({ type: 'digestDay', date: '2026-11-24' });
    await stateWhere('the digest of 24 Nov again', (st) => st.digest?.date === '2026-11-24');
    await vscode.workspace.getConfiguration('asyncDesk').update('standups.staleBlockerDays', 1, vscode.ConfigurationTarget.Workspace);
    try {
      const stale = await stateWhere('a stale blocker', (st) => st.digest?.entries.find((e) => e.github === 'carol')?.blockers[0]?.stale === true);
      assert.equal(stale.staleBlockerDays, 1);
    } finally {
      await vscode.workspace.getConfiguration('asyncDesk').update('standups.staleBlockerDays', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('on a day nobody works (a Sunday) the digest opens on the last working day and says so; "Today" shows the Sunday', async () => {
    await setClock('2026-11-22T09:30:00Z'); // Sun 22 Nov: Alice, Bob and Carol all work Mon–Fri
    try {
      await send({ type: 'digestDay', date: 'auto' });
      const friday = await stateWhere('the digest of Fri 20 Nov', (st) => st.digest?.date === '2026-11-20');
      assert.equal(friday.digest!.isToday, false);
      assert.equal(friday.digest!.note, 'Nobody on the team works on Sun 22 Nov 2026: showing Fri 20 Nov 2026, the last working day.');
      assert.ok(
        friday.digest!.entries.some((e) => e.github === 'carol' && e.status === 'posted'),
        JSON.stringify(friday.digest!.entries),
      );
      await send({ type: 'digestDay', date: 'today' });
      const sunday = await stateWhere('the digest of Sun 22 Nov', (st) => st.digest?.date === '2026-11-22');
      assert.equal(sunday.digest!.isToday, true);
      assert.equal(sunday.digest!.note, undefined);
      // Someone posts on the Sunday: that day has news, so the digest opens on it.
      await send({ type: 'digestDay', date: 'auto' });
      await stateWhere('the digest back on Fri 20 Nov', (st) => st.digest?.date === '2026-11-20');
      await writeText('docs/standups/2026-11-22/bob.md', '---\nauthor: bob\ndate: 2026-11-22\n---\n## Done\n- Weekend deploy\n## Next\n- Rest\n## Blockers\n');
      try {
        const posted = await stateWhere(
          "the digest of Sun 22 Nov with Bob's post",
          (st) => st.digest?.date === '2026-11-22' && !!st.digest.entries.find((e) => e.github === 'bob' && e.status === 'posted'),
        );
        assert.equal(posted.digest!.note, undefined);
      } finally {
        await fsp.rm(fileUri('docs/standups/2026-11-22').fsPath, { recursive: true, force: true });
      }
    } finally {
      await setClock('2026-11-24T09:30:00Z');
      await send({ type: 'digestDay', date: 'auto' });
    }
    const tuesday = await stateWhere('the digest of Tue 24 Nov (a working day: no note)', (st) => st.digest?.date === '2026-11-24');
    assert.equal(tuesday.digest!.note, undefined);
  });

  it('turns a stale blocker into an issue form: the Blocker template, owned by its author', async () => {
    const panel = await vscode.commands.executeCommand<{ draftId: string; dispose(): void }>('asyncDesk.standups.openBlockerIssue', {
      login: 'carol',
      text: 'Need @bob to review the alert rules',
      date: '2026-11-24',
    });
    assert.ok(panel?.draftId, 'an issue form opened');
    try {
      const service = (await testHooks()).issues.service();
      const draft = service.drafts.get(panel.draftId)!;
      assert.equal(draft.templateKey, 'blocker');
      assert.equal(draft.values.title, 'Blocker: Need @bob to review the alert rules');
      assert.equal(draft.values.owner, 'carol');
      assert.match(JSON.stringify(draft.values), /docs\/standups\/2026-11-24\/carol\.md/);
    } finally {
      panel.dispose();
    }
  });

  it('summarises a week into an untitled Markdown editor', async () => {
    const text = await vscode.commands.executeCommand<string>('asyncDesk.standups.summaryForWeek', { date: '2026-11-24' });
    assert.match(text, /Alerts for the ledger/);
    assert.match(text, /Need @bob to review the alert rules/);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.getText(), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Standups view: days newest first, then people; filter by person', async () => {
    const days = await (await testHooks()).standups.snapshot();
    const labels = days.map((d) => d.label);
    assert.ok(labels.indexOf('Tue 24 Nov 2026') < labels.indexOf('Mon 23 Nov 2026'), labels.join(' | '));
    assert.deepEqual(days.find((d) => d.label === 'Tue 24 Nov 2026')!.children, ['Carol Shrestha']);
    await vscode.commands.executeCommand('asyncDesk.standups.filterByPerson', 'alice');
    try {
      const filtered = await (await testHooks()).standups.snapshot();
      assert.ok(filtered.length > 0);
      assert.ok(
        filtered.every((d) => d.children.every((c) => c === 'Alice Ng')),
        JSON.stringify(filtered),
      );
    } finally {
      await vscode.commands.executeCommand('asyncDesk.standups.clearFilter');
    }
  });

  it('indexes day folders that arrive with their files at once (a git pull), and forgets deleted ones', async () => {
    // A pull creates a day folder and its files within microseconds; the watcher may report only the
    // folder. Every file must still reach the index.
    const days = Array.from({ length: 12 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
    await Promise.all(
      days.map((d) => writeText(`docs/standups/${d}/carol.md`, `---\nauthor: carol\ndate: ${d}\n---\n## Done\n- Pulled ${d}\n## Next\n- x\n## Blockers\n`)),
    );
    await Promise.all(
      days.map((d) => writeText(`docs/standups/${d}/alice.md`, `---\nauthor: alice\ndate: ${d}\n---\n## Done\n- y\n## Next\n- x\n## Blockers\n`)),
    );
    const snapshot = async () => (await testHooks()).standups.snapshot();
    await waitFor('every pulled day with both standups in the Standups view', async () => {
      const shown = await snapshot();
      return days.every((d) => shown.find((s) => s.label === dayLabel(d))?.children.length === 2) ? shown : undefined;
    });
    await Promise.all(days.map((d) => fsp.rm(fileUri(`docs/standups/${d}`).fsPath, { recursive: true, force: true })));
    await waitFor('the deleted days gone from the Standups view', async () => {
      const shown = await snapshot();
      return days.every((d) => !shown.find((s) => s.label === dayLabel(d))) ? shown : undefined;
    });
  });

  it('reports a standup whose date does not match its folder, with the line', async () => {
    await writeText('docs/standups/2026-11-25/carol.md', '---\nauthor: carol\ndate: 2026-11-26\n---\n## Done\n- x\n## Next\n- y\n## Blockers\n');
    const document = await vscode.workspace.openTextDocument(fileUri('docs/standups/2026-11-25/carol.md'));
    const diagnostics = await waitFor('a date diagnostic', () => vscode.languages.getDiagnostics(document.uri).find((d) => /date/i.test(d.message)));
    assert.equal(diagnostics.range.start.line, 2);
    assert.ok(await exists('docs/standups/2026-11-25/carol.md'));
  });
});
