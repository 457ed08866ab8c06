// The other two formats end to end in the real VS Code: discovery through .adr-dir and
// .log4brains.yml (picked up by the file watcher), and writes in each folder's own format.
// Runs after decisions.test.ts (mocha loads files alphabetically) since it moves the decisions folder.
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, fileUri, readText, waitFor, writeText } from './helpers';

async function lensTitles(relative: string): Promise<string[]> {
  await vscode.workspace.openTextDocument(fileUri(relative));
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri(relative));
  return lenses.map((l) => l.command?.title ?? '');
}

describe('adr-tools and log4brains folders', function () {
  this.timeout(30_000);
  before(activateExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('adr-tools: .adr-dir moves the folder; Supersede writes adr-tools\' own "Superceded by" / "Supercedes"', async () => {
    const old = 'doc/architecture/0001-record-architecture-decisions.md';
    await writeText(
      old,
      "# 1. Record architecture decisions\n\nDate: 2026-10-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as described by Michael Nygard.\n\n## Consequences\n\nSee Michael Nygard's article.\n",
    );
    await writeText('.adr-dir', 'doc/architecture\n');
    await waitFor('the adr-tools record to be indexed', async () => (await lensTitles(old)).some((t) => t.includes('accepted')));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('asyncDesk.decisions.supersede', fileUri(old), {
      title: 'Use MADR for new records',
      owner: null,
      open: false,
    });
    assert.equal(vscode.workspace.asRelativePath(uri), 'doc/architecture/0002-use-madr-for-new-records.md');
    const oldText = await readText(old);
    assert.match(oldText, /^## Status\n\nSuperceded by \[2\. Use MADR for new records\]\(0002-use-madr-for-new-records\.md\)\n/m);
    assert.doesNotMatch(oldText, /^Accepted$/m);
    const newText = await readText('doc/architecture/0002-use-madr-for-new-records.md');
    assert.match(newText, /^# 2\. Use MADR for new records$/m);
    assert.match(newText, /^Supercedes \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)$/m);
    assert.match(newText, /^Date: \d{4}-\d{2}-\d{2}$/m);
  });

  it('log4brains: .log4brains.yml names the folder; Accept edits the "- Status:" bullet only', async () => {
    await fsp.rm(fileUri('.adr-dir').fsPath);
    const file = 'docs/architecture-log/20261101-use-kafka-for-ledger-events.md';
    const text =
      '# Use Kafka for ledger events\n\n- Status: proposed\n- Deciders: alice, bob\n- Date: 2026-11-01\n- Tags: events, ledger\n\nTechnical Story: settlement partners need a feed.\n\n## Context and Problem Statement\n\nPartners poll us today.\n';
    await writeText(file, text);
    await writeText('.log4brains.yml', '---\nproject:\n  name: ledger\n  tz: Europe/Berlin\n  adrFolder: ./docs/architecture-log\n');
    await waitFor('the log4brains record to be indexed', async () => (await lensTitles(file)).some((t) => t.includes('proposed')));
    await vscode.commands.executeCommand('asyncDesk.decisions.accept', fileUri(file));
    assert.equal(await readText(file), text.replace('- Status: proposed', '- Status: accepted'));
  });
});
