// Async rituals in the real VS Code: each New … command writes the right file with the ritual's
// sections and opens it at the first thing to fill in, honours docs/templates/<kind>.md, never
// overwrites, and works from the command palette with no arguments (title prompts answered through
// the test hooks' rituals.answerPrompt, or accepted with the workbench's own command).
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { isoWeek, RITUAL_SECTIONS, type RitualKind } from '../../src/core/rituals';
import { slugify } from '../../src/core/shared/text';
import { localIsoDate } from '../../src/core/shared/dates';
import type { RitualResult } from '../../src/features/rituals';
import { activateExtension, fileUri, readText, setClock, waitFor, writeText, testHooks } from './helpers';

type Prompt = { title: string; value: string; validationMessage: string };

const headings = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3));
const frontMatter = (text: string, key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text.split('\n---\n')[0]!)?.[1];
const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

function run(id: string, args?: object): Thenable<RitualResult | undefined> {
  return args === undefined ? vscode.commands.executeCommand<RitualResult | undefined>(id) : vscode.commands.executeCommand<RitualResult | undefined>(id, args);
}

function peekPrompt(): Promise<Prompt> {
  return waitFor('the title prompt', async () => (await testHooks()).rituals.prompt());
}

async function answer(value: string | null): Promise<string | null> {
  return (await testHooks()).rituals.answerPrompt(value);
}

/** The section the active editor's cursor is in, the cursor's line and its column. */
function cursorPlace(): { heading: string | undefined; line: string; character: number } {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open');
  const { line, character } = editor.selection.active;
  const lines = editor.document.getText().split('\n');
  return {
    heading: lines
      .slice(0, line)
      .reverse()
      .find((l) => l.startsWith('## ')),
    line: lines[line]!,
    character,
  };
}

function assertSections(text: string, kind: RitualKind): void {
  assert.deepEqual(
    headings(text),
    RITUAL_SECTIONS[kind].map((s) => s.heading),
  );
  assert.equal(frontMatter(text, 'kind'), kind);
}

describe('Rituals', function () {
  this.timeout(30_000);
  const me = () => vscode.workspace.getConfiguration('asyncDesk').get<string>('me') || os.userInfo().username;

  before(async () => {
    await activateExtension();
    // Internal commands exist once the features bundle has loaded (just after activation).
    await testHooks(); // loads the features bundle
  });

  afterEach(async () => {
    await answer(null); // a prompt left open by a failed test
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("New Weekly Update from the palette (no arguments): this week's file for you, cursor under Outcomes shipped", async () => {
    const result = await run('asyncDesk.rituals.newWeeklyUpdate');
    assert.ok(result?.created, 'created');
    const text = await readText(relative(result.uri));
    const date = frontMatter(text, 'date')!;
    const week = frontMatter(text, 'week')!;
    assert.equal(week, isoWeek(date));
    assert.equal(frontMatter(text, 'author'), me());
    assert.equal(relative(result.uri), `docs/updates/${week}-${slugify(me())}.md`);
    assertSections(text, 'weekly-update');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri.toString());
    assert.deepEqual(cursorPlace(), { heading: '## Outcomes shipped', line: '- ', character: 2 });
    assert.deepEqual(result.warnings, []);
  });

  it('New Weekly Update again in the same week opens that file as it is', async () => {
    const first = await run('asyncDesk.rituals.newWeeklyUpdate', { open: false });
    const file = relative(first!.uri);
    const edited = (await readText(file)).replace('## Outcomes shipped\n<!--', '## Outcomes shipped\n- Shipped the ledger export (#412)\n<!--');
    await writeText(file, edited);
    const again = await run('asyncDesk.rituals.newWeeklyUpdate');
    assert.equal(again?.created, false);
    assert.equal(again.uri.toString(), first!.uri.toString());
    assert.equal(await readText(file), edited, 'unchanged');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), again.uri.toString());
  });

  it('New Intent Brief from the palette asks for a title, then asks again when that brief exists', async () => {
    const pending = run('asyncDesk.rituals.newIntentBrief');
    assert.equal((await peekPrompt()).title, 'New Intent Brief');
    assert.equal(await answer('   '), 'An intent brief needs a title.');
    assert.equal(await answer('Payouts in an hour'), '');
    const result = await pending;
    assert.ok(result?.created);
    const file = relative(result.uri);
    assert.match(file, /^docs\/briefs\/\d{4}-\d{2}-\d{2}-payouts-in-an-hour\.md$/);
    const text = await readText(file);
    assertSections(text, 'intent-brief');
    assert.match(text, /^# Payouts in an hour$/m);
    assert.equal(frontMatter(text, 'owner'), me());
    assert.match(text, new RegExp(`## Owner\\n<!--.*-->\\n@${me()}\\n`));
    assert.deepEqual(cursorPlace(), { heading: '## Problem', line: '', character: 0 });

    // The same title again (as an argument): the file exists, so the prompt asks for another one.
    await writeText(file, `${text}Written by hand.\n`);
    const again = run('asyncDesk.rituals.newIntentBrief', { title: 'Payouts in an hour' });
    const prompt = await peekPrompt();
    assert.equal(prompt.value, 'Payouts in an hour');
    assert.match(prompt.validationMessage, /already exists/);
    assert.match((await answer('Payouts in an hour')) ?? 'no prompt open', /already exists\. Choose another title\./);
    await answer(null); // dismissed: cancelled quietly
    assert.equal(await again, undefined);
    assert.equal(await readText(file), `${text}Written by hand.\n`, 'the existing brief is untouched');
  });

  it('New Retrospective from the palette: the default title is accepted with Enter', async () => {
    const pending = run('asyncDesk.rituals.newRetrospective');
    const prompt = await peekPrompt();
    assert.equal(prompt.value, 'Retrospective');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await pending;
    assert.ok(result?.created);
    assert.match(relative(result.uri), /^docs\/retros\/\d{4}-\d{2}-\d{2}-retrospective\.md$/);
    const text = await readText(relative(result.uri));
    assertSections(text, 'retrospective');
    assert.match(text, /^# Retrospective$/m);
    assert.deepEqual(cursorPlace(), { heading: '## Went well', line: '- ', character: 2 });
  });

  it('New Retrospective honours docs/templates/retrospective.md and reports an unknown placeholder with file and line', async () => {
    const template = 'docs/templates/retrospective.md';
    await writeText(
      template,
      '---\nkind: retrospective\nsprint: {{sprint}}\ndate: {{date}}\n---\n# {{title}} ({{team}})\n\nFacilitated by @{{author}}.\n\n## Start\n<!-- What to start doing -->\n- \n\n## Stop\n- \n',
    );
    try {
      const result = await run('asyncDesk.rituals.newRetrospective', { title: 'Sprint 42: payouts', date: '2026-11-20', author: 'alice' });
      assert.ok(result?.created);
      assert.equal(relative(result.uri), 'docs/retros/2026-11-20-sprint-42-payouts.md');
      assert.equal(
        await readText(relative(result.uri)),
        '---\nkind: retrospective\nsprint: {{sprint}}\ndate: 2026-11-20\n---\n# Sprint 42: payouts (Ledger)\n\nFacilitated by @alice.\n\n## Start\n<!-- What to start doing -->\n- \n\n## Stop\n- \n',
      );
      assert.equal(result.warnings.length, 1, result.warnings.join('\n'));
      assert.match(result.warnings[0]!, /^docs\/templates\/retrospective\.md:3: Unknown placeholder \{\{sprint\}\}, left as it is\./);
      assert.deepEqual(cursorPlace(), { heading: '## Start', line: '- ', character: 2 });
    } finally {
      await fsp.rm(fileUri(template).fsPath);
    }
  });

  it('New Working Agreement from the palette computes core hours from the team file; again, it opens the file unchanged', async () => {
    // Core hours are those of the agreement's week: a fixed week in winter (Berlin on UTC+1, New York
    // on UTC-5), so the hours below hold whatever today's DST is.
    await setClock('2026-11-24T09:30:00Z');
    let result: RitualResult | undefined;
    try {
      result = await run('asyncDesk.rituals.newWorkingAgreement');
    } finally {
      await setClock(undefined);
    }
    assert.ok(result?.created);
    assert.equal(relative(result.uri), 'docs/working-agreement.md');
    const text = await readText('docs/working-agreement.md');
    assertSections(text, 'working-agreement');
    assert.equal(frontMatter(text, 'team'), 'Ledger');
    assert.equal(
      frontMatter(text, 'date'),
      localIsoDate(new Date('2026-11-24T09:30:00Z')),
      "that instant's date in your zone (no asyncDesk.me here: this machine's)",
    );
    assert.match(text, /^# Ledger working agreement$/m);
    // Kathmandu's day ends before New York's begins, whatever the date: no shared time, pairs instead.
    assert.match(text, /## Core hours\n<!--.*-->\nThere is no time when all 3 members work at the same time\.\n/);
    assert.match(
      text,
      /^\| @alice \+ @carol \| \w{3} 08:00-12:15 \(4 h 15 min\) \| @alice \w{3} 09:00-13:15 Europe\/Berlin; @carol \w{3} 13:45-18:00 Asia\/Kathmandu \|$/m,
    );
    assert.match(text, /^\| @alice \+ @bob \| /m);
    assert.match(text, /^Never at the same time: @bob \+ @carol\.$/m);
    assert.match(text, /^\| urgent \| 15 minutes \| \|$/m);
    assert.match(text, /^\| standard \| 24 hours \| \|$/m);
    assert.deepEqual(cursorPlace(), { heading: '## Channels', line: '- ', character: 2 });

    const again = await run('asyncDesk.rituals.newWorkingAgreement', { date: '2027-03-01', author: 'bob' });
    assert.equal(again?.created, false);
    assert.equal(await readText('docs/working-agreement.md'), text);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri.toString());
  });
});
