// Decision records end to end in the real VS Code: commands, CodeLens, completion, hover,
// diagnostics, and the file changes they make in the fixture workspace (a fresh copy per run).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import { activateExtension, exists, fileUri, readText, setClock, waitFor, writeText } from './helpers';

const DIR = 'docs/decisions';
const R1 = `${DIR}/0001-use-markdown-decision-records.md`;
const R2 = `${DIR}/0002-use-postgres-for-the-ledger.md`;
const R3 = `${DIR}/0003-adopt-event-sourcing.md`;

function diagnosticsOf(relative: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(fileUri(relative)).filter((d) => d.source === 'Async Desk');
}

async function lensTitles(relative: string): Promise<string[]> {
  await vscode.workspace.openTextDocument(fileUri(relative)); // the workbench computes lenses for loaded models only
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri(relative));
  return lenses.map((l) => l.command?.title ?? '').filter(Boolean);
}

describe('Decision records', function () {
  this.timeout(30_000);

  before(async () => {
    await activateExtension();
    // The fixture's review-by dates (0003: 2026-11-01 overdue; 0001: 2027-10-01 and 0002: 2026-12-15
    // not yet) mean what they say only at a fixed day: index the records as of Tue 24 Nov 2026.
    await setClock('2026-11-24T09:30:00Z');
    await vscode.commands.executeCommand('asyncDesk.decisions.refresh');
  });

  after(async () => {
    await setClock(undefined);
    await vscode.commands.executeCommand('asyncDesk.decisions.refresh');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an overdue review-by date is a warning on its line; valid records have no errors', async () => {
    const diagnostics = await waitFor('review-overdue diagnostic on 0003', () => diagnosticsOf(R3).find((d) => d.code === 'review-overdue'));
    const text = await readText(R3);
    const reviewLine = text.split(/\r?\n/).findIndex((l) => l.startsWith('review-by:'));
    assert.equal(diagnostics.range.start.line, reviewLine);
    assert.equal(diagnostics.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(diagnosticsOf(R1), []);
  });

  it('CodeLens at the top of a proposed record offers the lifecycle actions', async () => {
    await vscode.window.showTextDocument(fileUri(R2));
    const titles = await waitFor('CodeLens on 0002', async () => {
      const t = await lensTitles(R2);
      return t.length > 1 ? t : undefined;
    });
    assert.ok(
      titles.some((t) => t.includes('proposed')),
      titles.join(' | '),
    );
    for (const action of ['Accept', 'Reject', 'Supersede'])
      assert.ok(
        titles.some((t) => t.includes(action)),
        `${action} in ${titles.join(' | ')}`,
      );
    const accepted = await lensTitles(R1);
    assert.ok(!accepted.some((t) => t.includes('Accept')), 'an accepted record offers no Accept');
    assert.ok(accepted.some((t) => t.includes('Deprecate')));
  });

  it('completion after "ADR-" offers records and inserts a relative link', async () => {
    const notes = fileUri('docs/notes.md');
    const document = await vscode.workspace.openTextDocument(notes);
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nSee ADR-'));
    const position = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', notes, position);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'ADR-0002');
    assert.ok(item, `ADR-0002 offered among ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    assert.equal(item.insertText, '[ADR-0002: Use Postgres for the ledger](decisions/0002-use-postgres-for-the-ledger.md)');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('hover on a reference shows the record title and status', async () => {
    const notes = fileUri('docs/notes.md');
    const document = await vscode.workspace.openTextDocument(notes);
    const lineNo = document
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.includes('ADR-0002'));
    assert.ok(lineNo >= 0, 'notes.md mentions ADR-0002');
    const column = document.lineAt(lineNo).text.indexOf('ADR-0002') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes, new vscode.Position(lineNo, column));
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
      .join('\n')
      .replace(/&nbsp;/g, ' '); // MarkdownString.appendText escapes spaces
    assert.match(text, /Use Postgres for the ledger/);
    assert.match(text, /proposed/);
  });

  it('Accept changes only the status value of the file', async () => {
    const before = await readText(R2);
    await vscode.commands.executeCommand('asyncDesk.decisions.accept', fileUri(R2));
    const after = await readText(R2);
    assert.equal(after, before.replace(/^status: proposed$/m, 'status: accepted'));
    assert.notEqual(after, before);
  });

  it("a status change on a record with unsaved edits goes into the editor, not over the user's work", async () => {
    const document = await vscode.workspace.openTextDocument(fileUri(R2));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\nAn unsaved thought.'));
    const onDisk = await readText(R2);
    await vscode.commands.executeCommand('asyncDesk.decisions.deprecate', fileUri(R2));
    assert.equal(await readText(R2), onDisk, 'the file on disk is untouched');
    assert.ok(document.isDirty);
    assert.match(document.getText(), /^status: deprecated$/m);
    assert.match(document.getText(), /An unsaved thought\.$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('New Decision Record writes the next number with the owner and opens it in Context', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('asyncDesk.decisions.new', { title: 'Adopt trunk-based development', owner: 'alice' });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(vscode.workspace.asRelativePath(uri), `${DIR}/0004-adopt-trunk-based-development.md`);
    const text = await readText(`${DIR}/0004-adopt-trunk-based-development.md`);
    assert.match(text, /^status: proposed$/m);
    assert.match(text, /^owner: alice$/m);
    assert.match(text, /^# Adopt trunk-based development$/m);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const contextHeading = text.split('\n').findIndex((l) => l.startsWith('## Context'));
    assert.ok(editor!.selection.active.line > contextHeading, 'cursor below the Context heading');
  });

  it('Supersede writes a new record and links both ways', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('asyncDesk.decisions.supersede', fileUri(R1), {
      title: 'Use MADR 4 decision records',
      owner: 'bob',
    });
    const newFile = vscode.workspace.asRelativePath(uri);
    assert.equal(newFile, `${DIR}/0005-use-madr-4-decision-records.md`);
    const oldText = await readText(R1);
    const newText = await readText(newFile);
    assert.match(oldText, /^status: superseded$/m);
    assert.match(oldText, /0005-use-madr-4-decision-records\.md/);
    assert.match(newText, /0001-use-markdown-decision-records\.md/);
    assert.match(newText, /^status: proposed$/m);
    const lenses = await waitFor('CodeLens of the superseded record', async () => {
      const t = await lensTitles(R1);
      return t.some((x) => x.includes('superseded by 0005-use-madr-4-decision-records.md')) ? t : undefined;
    });
    assert.ok(!lenses.some((t) => t.includes('Accept') || t.includes('Supersede')), `history offers no actions: ${lenses.join(' | ')}`);
  });

  it('Update Decision Index fills the table between the markers, idempotently', async () => {
    await vscode.commands.executeCommand('asyncDesk.decisions.updateIndex');
    const readme = await readText(`${DIR}/README.md`);
    const markers = readme.split('\n').filter((l) => l.trim() === '<!-- async-desk:index -->').length;
    assert.ok(markers >= 1, 'keeps the marker');
    for (const title of ['Adopt event sourcing', 'Adopt trunk-based development', 'Use MADR 4 decision records']) {
      assert.ok(readme.includes(title), `${title} in the index`);
    }
    await vscode.commands.executeCommand('asyncDesk.decisions.updateIndex');
    assert.equal(await readText(`${DIR}/README.md`), readme);
  });

  it('a number collision is diagnosed and Renumber fixes it, rewriting links', async () => {
    const clash = `${DIR}/0003-use-kafka-for-events.md`;
    await writeText(
      clash,
      '---\nstatus: proposed\ndate: 2026-11-20\nowner: carol\n---\n# Use Kafka for events\n\n## Context\n\nFollows [event sourcing](0003-adopt-event-sourcing.md).\n',
    );
    const linking = `${DIR}/0006-partition-events-by-account.md`;
    await writeText(linking, '---\nstatus: draft\ndate: 2026-11-21\n---\n# Partition events by account\n\nBuilds on [Kafka](0003-use-kafka-for-events.md).\n');
    await waitFor('duplicate-number diagnostic', () => diagnosticsOf(clash).find((d) => d.code === 'duplicate-number'));
    const renamed = await vscode.commands.executeCommand<number>('asyncDesk.decisions.renumber', { confirm: false });
    assert.equal(renamed, 1);
    assert.equal(await exists(clash), false);
    assert.equal(await exists(`${DIR}/0007-use-kafka-for-events.md`), true);
    assert.match(await readText(linking), /\[Kafka\]\(0007-use-kafka-for-events\.md\)/, 'links in other records follow the rename');
    assert.equal(await exists(R3), true, 'the older record keeps its number');
    await waitFor('collision diagnostics cleared', () => diagnosticsOf(R3).every((d) => d.code !== 'duplicate-number'));
  });

  it('creating a file in the folder updates the index without a refresh (file watcher)', async () => {
    await writeText(
      `${DIR}/0010-retire-the-legacy-api.md`,
      '---\nstatus: draft\ndate: 2026-11-21\n---\n# Retire the legacy API\n\n## Context\n\nstatus: invalid below front matter is fine.\n',
    );
    await waitFor('CodeLens on the new file', async () => (await lensTitles(`${DIR}/0010-retire-the-legacy-api.md`)).some((t) => t.includes('draft')));
    await writeText(`${DIR}/0011-broken.md`, '---\nstatus: maybe\n---\n# Broken status\n');
    const problem = await waitFor('unknown-status diagnostic', () => diagnosticsOf(`${DIR}/0011-broken.md`).find((d) => d.code === 'unknown-status'));
    assert.equal(problem.range.start.line, 1);
  });

  it('a category folder that arrives or goes at once (a pull, a branch switch) updates the index', async () => {
    const titles = ['Ship the mobile app with Expo', 'Store mobile sessions in the keychain'];
    await Promise.all(
      titles.map((title, i) =>
        writeText(`${DIR}/mobile/000${i + 1}-${title.toLowerCase().replace(/ /g, '-')}.md`, `---\nstatus: proposed\ndate: 2026-11-21\n---\n# ${title}\n`),
      ),
    );
    const notes = fileUri('docs/notes.md');
    const document = await vscode.workspace.openTextDocument(notes);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\nSee ADR-'));
    const offered = async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        notes,
        document.lineAt(document.lineCount - 1).range.end,
      );
      const text = JSON.stringify(list.items.map((i) => [i.label, i.detail, i.insertText]));
      return titles.filter((t) => text.includes(t));
    };
    try {
      await waitFor('both records of the new folder offered', async () => (await offered()).length === titles.length);
      await fsp.rm(fileUri(`${DIR}/mobile`).fsPath, { recursive: true, force: true });
      await waitFor("the deleted folder's records no longer offered", async () => (await offered()).length === 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
