// UI checks in a real browser: the packaged extension in code-server, driven by Playwright.
// Expectations come from the workspace's own files (record titles, statuses), not from constants.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startWorkbench,
  decisionsDir,
  defaultWorkspace,
  readDecisionRecords,
  openViewContainer,
  showOnlyViews,
  waitForTreeRows,
  treeRows,
  viewPane,
  runCommand,
  screenshot,
  outputText,
} from './helpers.mjs';

const normalise = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();

describe('Async Desk in the browser (code-server + packaged .vsix)', function () {
  this.timeout(120_000);
  let wb;
  let page;
  let records;

  before(async function () {
    const workspace = defaultWorkspace();
    wb = await startWorkbench(workspace);
    page = wb.page;
    records = readDecisionRecords(wb.workspace); // the copy: demo/ dated to this week
    assert.ok(records.length > 0, `no decision records found in ${workspace}`);
  });

  after(async () => {
    await wb?.close();
  });

  it('loads the workbench with the workspace folder open', async () => {
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    const folderName = wb.workspace.split('/').pop();
    // The Explorer shows the folder name (upper-cased by CSS, so compare case-insensitively).
    await page
      .locator('.part.sidebar .pane-header', { hasText: new RegExp(folderName, 'i') })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '01-workbench');
  });

  it('opens the Async Desk view container from the activity bar', async () => {
    await openViewContainer(page, 'Async Desk');
    await viewPane(page, 'Decisions').waitFor({ state: 'visible', timeout: 30_000 });
    const title = await page.locator('.part.sidebar .composite.title').innerText();
    assert.match(title, /async desk/i);
    await screenshot(page, '02-async-desk-container');
  });

  it("lists the workspace's decision records in the Decisions tree", async () => {
    // Give the tree the container's height: the Today webview and the other views share it.
    await showOnlyViews(page, 'Decisions');
    const isRecordRow = (row) => row.level >= 2;
    const rows = await waitForTreeRows(page, 'Decisions', (r) => r.filter(isRecordRow).length > 0);
    const recordRows = rows.filter(isRecordRow);
    const titles = records.map((r) => normalise(r.title));
    // Every rendered record row is one of the files' titles…
    for (const row of recordRows) {
      assert.ok(
        titles.some((t) => normalise(row.label).includes(t)),
        `row "${row.label}" matches no record title (${titles.join(' | ')})`,
      );
    }
    // …and every record is listed (when the virtualised list has room to render them all).
    const visible = new Set(recordRows.map((r) => normalise(r.label)));
    if (rows.length < 20) {
      const missing = records.filter((r) => ![...visible].some((label) => label.includes(normalise(r.title))));
      assert.deepEqual(
        missing.map((r) => r.file),
        [],
        'records missing from the tree',
      );
    }
    // Group rows carry their count: together they cover every record.
    const groups = rows.filter((r) => r.level === 1);
    const counted = groups.reduce((sum, g) => sum + (Number(g.description) || 0), 0);
    if (groups.length && rows.length < 20) assert.equal(counted, records.length, `group counts ${groups.map((g) => `${g.label} ${g.description}`).join(', ')}`);
    await screenshot(page, '03-decisions-tree');
  });

  it('runs "Async Desk: Show Log" from the command palette and shows the log', async () => {
    await runCommand(page, 'Async Desk: Show Log');
    const panel = page.locator('.part.panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    // The Output view shows the "Async Desk" channel with the extension's log lines.
    const deadline = Date.now() + 15_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await outputText(page).catch(() => '');
      if (/\[info\]/.test(text)) break;
      await page.waitForTimeout(250);
    }
    await screenshot(page, '04-show-log');
    assert.match(text, /\[info\]/, `Output view text: ${JSON.stringify(text.slice(0, 500))}`);
    const channel = await panel
      .locator('.monaco-select-box, select')
      .first()
      .inputValue()
      .catch(async () => panel.innerText());
    assert.match(channel, /Async Desk/, 'the Async Desk output channel is selected');
  });

  it('opens a record from the tree and shows its status actions as CodeLens', async () => {
    // Prefer a record under discussion (proposed / draft): its lenses offer Accept and Reject.
    const target =
      records.find((r) => r.status === 'proposed') ?? records.find((r) => r.status === 'draft') ?? records.find((r) => r.status !== 'accepted') ?? records[0];
    const expected = target.status === 'accepted' ? 'Deprecate' : 'Accept';
    const rows = await treeRows(page, 'Decisions');
    const row = rows.findIndex((r) => r.level >= 2 && normalise(r.label).includes(normalise(target.title)));
    assert.ok(row >= 0, `no tree row for ${target.file} ("${target.title}")`);
    await viewPane(page, 'Decisions').locator('.monaco-list-row').nth(row).click();
    const fileName = target.file.split('/').pop();
    await page.locator(`.part.editor .tab[aria-label^="${fileName}"], .part.editor .tab:has-text("${fileName}")`).first().waitFor({ timeout: 15_000 });
    const lens = page.locator('.part.editor .codelens-decoration', { hasText: expected }).first();
    await lens.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, '05-record-codelens');
    const lensText = await page.locator('.part.editor .codelens-decoration').allInnerTexts();
    assert.ok(lensText.join(' ').includes(expected), `CodeLens: ${lensText.join(' | ')}`);
  });

  it('a record with a free-text status shows under "Other (Pending)", with the author\'s word kept', async () => {
    // adr-tools lets teams write any status; the tree keeps their word instead of "unknown".
    const dir = decisionsDir(wb.workspace);
    const file = join(dir, '0099-adopt-trunk-based-development.md');
    writeFileSync(file, '# 99. Adopt trunk-based development\n\nDate: 2026-11-20\n\n## Status\n\nPending\n\n## Context\n\nLong-lived branches hurt.\n');
    try {
      await openViewContainer(page, 'Async Desk');
      await showOnlyViews(page, 'Decisions');
      const rows = await waitForTreeRows(page, 'Decisions', (r) => r.some((row) => row.level === 1 && /^Other \(Pending\)/.test(row.label)));
      const group = rows.findIndex((row) => row.level === 1 && /^Other \(Pending\)/.test(row.label));
      assert.match(rows[group + 1]?.label ?? '', /Adopt trunk-based development/, JSON.stringify(rows.slice(group, group + 2)));
      await screenshot(page, '06-free-text-status');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
