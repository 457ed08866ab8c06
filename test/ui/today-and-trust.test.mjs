// UI checks of the Today webview, the Decisions filter and Restricted Mode, and the README's
// screenshots (docs/images/*.png, rewritten only when ASYNC_DESK_UPDATE_DOC_IMAGES=1).
// Expectations come from the workspace's files and today's date, not from constants.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startWorkbench,
  defaultWorkspace,
  decisionsDir,
  readDecisionRecords,
  openViewContainer,
  expandView,
  showOnlyViews,
  waitForTreeRows,
  treeRows,
  viewPane,
  runCommand,
  screenshot,
  docScreenshot,
  outputText,
  webviewFrame,
  pickQuickItem,
  pickManyQuickItems,
  clearNotifications,
  closePanel,
  setSidebarWidth,
  localIsoDate,
  waitFor,
  log,
} from './helpers.mjs';

const normalise = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const capitalise = (s) => s[0].toUpperCase() + s.slice(1);

/** A record title that would run script if any view rendered titles as HTML. */
const HTML_TITLE = 'Escape <img src=x onerror="window.__pwned=1"> test';

/** What the Today view should list, from the files: overdue reviews first, then open decisions. */
function expectedAttention(records, today = localIsoDate()) {
  const closed = new Set(['superseded', 'deprecated', 'rejected']);
  const overdue = records.filter((r) => r.reviewBy && r.reviewBy < today && !closed.has(r.status));
  const awaiting = records.filter((r) => (r.status === 'proposed' || r.status === 'draft') && !overdue.includes(r));
  return { overdue, awaiting };
}

/** The Today view's "Needs attention" items as rendered. */
async function todayItems(frame) {
  return frame.locator('ul.items > li').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('.title')?.textContent ?? '',
      detail: li.querySelector('.detail')?.textContent ?? '',
      overdue: li.classList.contains('overdue'),
      buttons: [...li.querySelectorAll('vscode-button')].map((b) => b.textContent.trim()),
    })),
  );
}

/** Buttons outside the list (New decision record, Show all decisions). */
async function todayActions(frame) {
  return frame.locator('.actions vscode-button').evaluateAll((buttons) => buttons.map((b) => b.textContent.trim()));
}

/** Polls the Today items until predicate(items) holds; returns them (the failure lists what was shown). */
async function waitForTodayItems(frame, predicate, message) {
  let items = [];
  await waitFor(
    async () => {
      items = await todayItems(frame).catch(() => []);
      return predicate(items);
    },
    { message: () => `${message}; Today lists ${JSON.stringify(items.map((i) => i.title))}` },
  );
  return items;
}

/** Checks the rendered items against the files: each expected record once, overdue first, nothing else. */
function assertAttention(items, { overdue, awaiting }, { trusted }) {
  const expected = [...overdue, ...awaiting];
  assert.ok(expected.length > 0, 'the workspace has nothing that needs attention: the check would prove nothing');
  assert.equal(
    items.length,
    expected.length,
    `Today lists ${JSON.stringify(items.map((i) => i.title))}, expected ${JSON.stringify(expected.map((r) => r.title))}`,
  );
  const indexOf = (record) => {
    const found = items.filter((i) => i.title.endsWith(record.title));
    assert.equal(found.length, 1, `"${record.title}" (${record.file}) appears ${found.length} times in Today: ${JSON.stringify(items.map((i) => i.title))}`);
    return items.indexOf(found[0]);
  };
  for (const record of overdue) {
    const item = items[indexOf(record)];
    assert.ok(item.overdue, `${record.file} is not marked overdue`);
    assert.match(item.detail, new RegExp(`review was due ${record.reviewBy}`), `${record.file} detail`);
    assert.deepEqual(item.buttons, [], `${record.file}: an overdue review offers no Accept`);
    assert.ok(indexOf(record) < overdue.length, `overdue ${record.file} is listed after an open decision`);
  }
  for (const record of awaiting) {
    const item = items[indexOf(record)];
    assert.ok(!item.overdue, `${record.file} (${record.status}) is marked overdue`);
    assert.match(item.detail, new RegExp(`^${record.status}\\b`), `${record.file} detail`);
    assert.deepEqual(item.buttons, trusted ? ['Accept'] : [], `${record.file} buttons`);
  }
}

/** The Today view's totals line, from the files: "8 records 3 accepted 2 awaiting decision 1 review overdue". */
function expectedTotals(records, today = localIsoDate()) {
  const count = (n, one, many = one) => `${n} ${n === 1 ? one : many}`;
  return [
    count(records.length, 'record', 'records'),
    count(records.filter((r) => r.status === 'accepted').length, 'accepted'),
    count(records.filter((r) => r.status === 'proposed' || r.status === 'draft').length, 'awaiting decision'),
    count(expectedAttention(records, today).overdue.length, 'review overdue', 'reviews overdue'),
  ].join(' ');
}

/** The totals line as text, one space between its parts (they are separate flex items). */
const totalsText = async (frame) =>
  (
    await frame
      .locator('.totals > span')
      .allTextContents()
      .catch(() => [])
  )
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .join(' ');

/**
 * Console errors of our webviews: CSP violations (any frame), and errors from the webview frames
 * (their messages come without a source URL; the workbench's own carry one).
 */
function webviewConsoleErrors(wb) {
  const csp = /Content Security Policy|Refused to/i;
  return wb.consoleMessages
    .filter((m) => csp.test(m.text) || (m.type === 'error' && (m.url === '' || /webview\/browser\/pre\/|vscode-resource|vscode-cdn/.test(m.url))))
    .map((m) => `${m.type}: ${m.text.slice(0, 300)} (${m.url.slice(-80)})`);
}

/** Status groups the Decisions tree should show for these records, in the tree's labels. */
function expectedGroups(records) {
  return [...new Set(records.map((r) => capitalise(r.status ?? 'unknown')))].sort();
}

// The Restricted Mode workbench starts in the background once the trusted workbench has shown the
// Today view, so its server start and extension-host boot overlap the later trusted checks instead
// of adding to the run (booting both at once was slower on a 2-core machine).
let restrictedStart;
let restrictedClaimed = false;
const startRestricted = () => {
  restrictedStart ??= startWorkbench(defaultWorkspace(), { name: 'ui-restricted', restricted: true });
  restrictedStart.catch(() => {}); // reported by the Restricted Mode suite's before()
  return restrictedStart;
};
after(async () => {
  // Only when the Restricted Mode suite did not run (mocha grep) but its workbench was started.
  if (restrictedStart && !restrictedClaimed) await (await restrictedStart.catch(() => null))?.close();
});

describe('Today view, filter and README screenshots (trusted workspace)', function () {
  this.timeout(120_000);
  let wb;
  let page;
  let htmlRecord; // workspace-relative path of the record with HTML in its title
  let htmlRecordText;

  before(async function () {
    wb = await startWorkbench(defaultWorkspace(), {
      name: 'ui-today',
      viewport: { width: 1280, height: 800 },
      prepare(workspace) {
        // One more proposed record whose title is HTML with an event handler: it must stay text.
        const dir = decisionsDir(workspace);
        const existing = readDecisionRecords(workspace);
        const next =
          Math.max(
            0,
            ...existing.map((r) =>
              Number(
                r.file
                  .split('/')
                  .pop()
                  .match(/^(\d{4})-/)?.[1] ?? 0,
              ),
            ),
          ) + 1;
        const name = `${String(next).padStart(4, '0')}-escape-html-in-titles.md`;
        htmlRecordText = [
          '---',
          'status: proposed',
          `date: ${localIsoDate()}`,
          'owner: alice',
          '---',
          `# ${HTML_TITLE}`,
          '',
          '## Context',
          '',
          'Titles are repository content and must never become markup in a view.',
          '',
        ].join('\n');
        writeFileSync(join(dir, name), htmlRecordText);
        htmlRecord = readDecisionRecords(workspace).find((r) => r.file.endsWith(name)).file;
      },
    });
    page = wb.page;
  });

  after(async () => {
    await wb?.close();
  });

  it('Today lists the open decisions and overdue reviews from the files, with titles as inert text', async () => {
    const records = readDecisionRecords(wb.workspace);
    const html = records.find((r) => r.file === htmlRecord);
    assert.equal(html?.title, HTML_TITLE, 'the test record is read back from disk with its HTML title');
    const expected = expectedAttention(records);
    // In demo/: 0003 (review-by 2026-11-15 < today) overdue; 0007 proposed, frontend/0001 draft, and the HTML record.
    assert.ok(expected.overdue.length > 0 && expected.awaiting.length > 1, `the workspace needs an overdue review and an open decision besides ${htmlRecord}`);
    log(
      `Today should list (${localIsoDate()}): overdue ${expected.overdue.map((r) => r.file).join(', ')}; awaiting ${expected.awaiting.map((r) => r.file).join(', ')}`,
    );

    await openViewContainer(page, 'Async Desk');
    await expandView(page, 'Today');
    const frame = await webviewFrame(page, 'Needs attention', 45_000);
    const items = await waitForTodayItems(
      frame,
      (i) => i.length === expected.overdue.length + expected.awaiting.length,
      'the Today view to list every record needing attention',
    );
    assertAttention(items, expected, { trusted: true });
    assert.equal(await totalsText(frame), expectedTotals(records));
    assert.deepEqual(await todayActions(frame), ['New decision record', 'Show all decisions']);

    // The HTML title is shown literally, and nothing it contains became an element or ran.
    const htmlItem = items.find((i) => i.title.includes('Escape'));
    assert.ok(htmlItem.title.endsWith(HTML_TITLE), `title rendered as ${JSON.stringify(htmlItem.title)}`);
    assert.equal(await frame.locator('img').count(), 0, 'an <img> element exists in the Today webview');
    assert.equal(await frame.locator('body').evaluate(() => window.__pwned), undefined, 'the onerror handler ran in the webview');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'an <img src=x> element exists in the workbench');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the onerror handler ran in the workbench');
    assert.deepEqual(webviewConsoleErrors(wb), [], 'console errors of the webviews');
    await screenshot(page, '10-today-view');
    startRestricted(); // now that this workbench's extension host is up (see startRestricted)
  });

  it('"Accept" in the Today view sets the record\'s status to accepted on disk', async () => {
    const file = join(wb.workspace, htmlRecord);
    const frame = await webviewFrame(page, HTML_TITLE);
    const item = frame.locator('ul.items > li').filter({ hasText: HTML_TITLE });
    await item.locator('vscode-button', { hasText: 'Accept' }).click();
    await waitFor(() => /^status: accepted$/m.test(readFileSync(file, 'utf8')), {
      message: () => `${htmlRecord} to be accepted on disk; it reads:\n${readFileSync(file, 'utf8').slice(0, 200)}`,
    });
    // Only the status value changed.
    assert.equal(readFileSync(file, 'utf8'), htmlRecordText.replace('status: proposed', 'status: accepted'));
    // An accepted record no longer needs attention.
    await waitForTodayItems(frame, (i) => i.length > 0 && !i.some((x) => x.title.includes('Escape')), 'the accepted record to leave the Today view');
    await screenshot(page, '11-today-after-accept');

    // Remove the test record again, so the filter check and the README screenshots show the demo alone.
    rmSync(file);
    const totals = expectedTotals(readDecisionRecords(wb.workspace));
    await waitFor(async () => (await totalsText(frame)) === totals, {
      message: () => `the Today totals to read "${totals}" after deleting ${htmlRecord}`,
    });
  });

  it('filters the Decisions tree by status, and clears the filter', async () => {
    const records = readDecisionRecords(wb.workspace);
    const accepted = records.filter((r) => r.status === 'accepted');
    assert.ok(accepted.length > 0 && accepted.length < records.length, 'the workspace needs accepted and other records');
    await showOnlyViews(page, 'Decisions');
    const groupsOf = (rows) =>
      rows
        .filter((r) => r.level === 1)
        .map((r) => r.label)
        .sort();
    await waitForTreeRows(page, 'Decisions', (rows) => JSON.stringify(groupsOf(rows)) === JSON.stringify(expectedGroups(records)));

    await runCommand(page, 'Async Desk: Filter Decision Records…');
    await pickQuickItem(page, 'Status…');
    await pickManyQuickItems(page, ['accepted']);
    const rows = await waitForTreeRows(
      page,
      'Decisions',
      (r) => JSON.stringify(groupsOf(r)) === '["Accepted"]' && r.filter((x) => x.level >= 2).length === accepted.length,
    );
    const recordRows = rows.filter((r) => r.level >= 2);
    assert.equal(recordRows.length, accepted.length, `rows ${JSON.stringify(recordRows.map((r) => r.label))}`);
    for (const record of accepted)
      assert.ok(
        recordRows.some((r) => normalise(r.label).includes(normalise(record.title))),
        `${record.file} is not listed`,
      );
    assert.equal(rows.find((r) => r.level === 1).description, String(accepted.length), 'the group count');
    const header = await viewPane(page, 'Decisions').locator('.pane-header').textContent();
    assert.match(header, /status: accepted/, 'the view title shows the filter');
    await screenshot(page, '12-decisions-filtered');

    await runCommand(page, 'Async Desk: Clear Decision Filter');
    // Every status group is back (waitForTreeRows fails with the rows it saw).
    await waitForTreeRows(page, 'Decisions', (r) => JSON.stringify(groupsOf(r)) === JSON.stringify(expectedGroups(records)));
    assert.doesNotMatch(await viewPane(page, 'Decisions').locator('.pane-header').textContent(), /status: accepted/);
    await screenshot(page, '13-decisions-unfiltered');
  });

  it('takes the README screenshots (docs/images with ASYNC_DESK_UPDATE_DOC_IMAGES=1)', async () => {
    const records = readDecisionRecords(wb.workspace);
    const target = records.find((r) => r.status === 'proposed') ?? records.find((r) => r.status === 'draft');
    assert.ok(target, 'no proposed or draft record to show with its CodeLens');
    await closePanel(page);
    await clearNotifications(page);
    await showOnlyViews(page, 'Decisions');
    await setSidebarWidth(page, 440);
    const rows = await waitForTreeRows(page, 'Decisions', (r) => r.some((x) => x.level >= 2 && normalise(x.label).includes(normalise(target.title))));
    const index = rows.findIndex((r) => r.level >= 2 && normalise(r.label).includes(normalise(target.title)));
    await viewPane(page, 'Decisions').locator('.monaco-list-row').nth(index).click();
    await page.locator('.part.editor .codelens-decoration', { hasText: 'Accept' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // Wait for Markdown highlighting (the built-in grammar loads with its extension) and move the
    // focus from the tree row to the editor, so the row is not drawn with a focus outline.
    await page.waitForFunction(() => [...document.querySelectorAll('.part.editor .view-lines span[class^="mtk"]')].some((e) => e.className !== 'mtk1'), null, {
      timeout: 15_000,
    });
    await page
      .locator('.part.statusbar', { hasText: 'Activating Extensions' })
      .waitFor({ state: 'hidden', timeout: 15_000 })
      .catch(() => {});
    await page.keyboard.press('Control+1'); // View: Focus First Editor Group
    await page.waitForFunction(() => !!document.activeElement?.closest('.part.editor'), null, { timeout: 5_000 });
    const quiet = async () => {
      // No toast, hover or tooltip in the picture (the mouse last clicked a row of the palette, over
      // the editor's tabs): park it on the empty middle of the status bar and let hovers fade.
      await clearNotifications(page);
      const viewport = page.viewportSize();
      await page.mouse.move(viewport.width / 2, viewport.height - 10);
      await page
        .locator('.workbench-hover-container')
        .first()
        .waitFor({ state: 'hidden', timeout: 3_000 })
        .catch(() => {});
      await page.waitForTimeout(500);
      assert.equal(await page.locator('.notification-toast').count(), 0, 'a notification toast would cover the screenshot');
    };
    await quiet();
    const width = (await page.locator('.part.sidebar').boundingBox()).width;
    assert.ok(width >= 400, `side bar is ${width} px wide`);
    const files = await docScreenshot(page, 'decisions-codelens');

    await showOnlyViews(page, 'Today', 'Decisions');
    const frame = await webviewFrame(page, 'Needs attention', 30_000);
    const expected = expectedAttention(records);
    await waitForTodayItems(
      frame,
      (i) => i.length === expected.overdue.length + expected.awaiting.length,
      'the Today view to list every record needing attention',
    );
    await quiet();
    files.push(...(await docScreenshot(page, 'today-view')));
    log(`README screenshots: ${files.join(', ')}`);
  });
});

describe('Restricted Mode (untrusted workspace)', function () {
  this.timeout(120_000);
  let wb;
  let page;
  let records;

  before(async function () {
    restrictedClaimed = true;
    wb = await startRestricted();
    page = wb.page;
    records = readDecisionRecords(wb.workspace); // the copy: demo/ dated to this week
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the folder in Restricted Mode', async () => {
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('Today shows the records read-only: no Accept, no "New decision record"', async () => {
    const started = Date.now();
    await openViewContainer(page, 'Async Desk');
    await expandView(page, 'Today');
    // "The Today view is blank in Restricted Mode" (earlier report) did not reproduce: the extension
    // activates in an untrusted workspace ("untrustedWorkspaces": "limited"; see the log check
    // below), the webview loads with no CSP error, and the view renders read-only. What does look
    // blank is the pane before the extension host has started, activated Async Desk and resolved
    // the webview: VS Code shows only a progress bar there, for 1-6 s here (up to 13 s on a loaded
    // machine) after the workbench appears, trusted or not. A screenshot taken right after opening
    // the container catches that; so this waits for the content, however long the host takes.
    // (Other webviews may exist too: webviewFrame picks the one with the Today content.)
    const frame = await webviewFrame(page, 'Needs attention', 45_000);
    const expected = expectedAttention(records);
    const items = await waitForTodayItems(
      frame,
      (i) => i.length === expected.overdue.length + expected.awaiting.length,
      'the Today view to list every record needing attention',
    );
    log(`Restricted Mode: Today rendered ${Date.now() - started} ms after opening the container`);
    assertAttention(items, expected, { trusted: false });
    assert.equal(await totalsText(frame), expectedTotals(records));
    const text = (await frame.locator('#app').textContent()) ?? '';
    assert.match(text, /Restricted Mode: records are read-only\./);
    assert.deepEqual(webviewConsoleErrors(wb), [], 'console errors of the webviews');
    assert.deepEqual(await todayActions(frame), ['Show all decisions']);
    assert.equal(await frame.locator('vscode-button', { hasText: /New decision record|Accept/ }).count(), 0);
    await screenshot(page, '20-restricted-today');
  });

  it('lists the records in the Decisions tree', async () => {
    await showOnlyViews(page, 'Decisions');
    const rows = await waitForTreeRows(page, 'Decisions', (r) => r.filter((x) => x.level >= 2).length >= Math.min(records.length, 10));
    const labels = rows.filter((r) => r.level >= 2).map((r) => normalise(r.label));
    const missing = records.filter((r) => !labels.some((label) => label.includes(normalise(r.title))));
    assert.deepEqual(
      missing.map((r) => r.file),
      [],
      'records missing from the tree',
    );
    await screenshot(page, '21-restricted-decisions');
  });

  it('a proposed record shows its status CodeLens but no Accept', async () => {
    const target = records.find((r) => r.status === 'proposed');
    assert.ok(target, 'no proposed record in the workspace');
    const rows = await treeRows(page, 'Decisions');
    const index = rows.findIndex((r) => r.level >= 2 && normalise(r.label).includes(normalise(target.title)));
    assert.ok(index >= 0, `no tree row for ${target.file}`);
    await viewPane(page, 'Decisions').locator('.monaco-list-row').nth(index).click();
    const fileName = target.file.split('/').pop();
    await page.locator(`.part.editor .tab[aria-label^="${fileName}"], .part.editor .tab:has-text("${fileName}")`).first().waitFor({ timeout: 15_000 });
    // All lenses of a document come from one provider call, so once the status lens shows, the rest would too.
    await page.locator('.part.editor .codelens-decoration', { hasText: 'proposed' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const lenses = (await page.locator('.part.editor .codelens-decoration').allInnerTexts()).join(' | ');
    assert.match(lenses, /proposed/);
    assert.doesNotMatch(lenses, /Accept|Reject|Supersede/, `CodeLens in Restricted Mode: ${lenses}`);
    await screenshot(page, '22-restricted-codelens');
  });

  it('activated and indexed the records (log)', async () => {
    await runCommand(page, 'Async Desk: Show Log');
    const text = await waitFor(
      async () => {
        const t = await outputText(page).catch(() => '');
        return /Indexed \d+ decision record/.test(t) && t;
      },
      { message: 'the Async Desk log' },
    );
    assert.match(text, /Activated in/);
    assert.match(text, new RegExp(`Indexed ${records.length} decision record`));
    assert.doesNotMatch(text, /\[error\]/);
  });
});
