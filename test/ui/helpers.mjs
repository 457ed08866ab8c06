// Helpers for the Playwright UI checks (test/ui/*.test.mjs, run by scripts/run-ui.mjs).
// The workbench is a normal code-server session (no smoke-test driver, so toasts show) with the
// extension installed from the .vsix that `vsce package` builds, on a scratch copy of a workspace.
//
//   const wb = await startWorkbench(dir);           // { page, workspace, server, close }
//   await openViewContainer(wb.page, 'Async Desk');
//   const rows = await treeRows(wb.page, 'Decisions');
//   await runCommand(wb.page, 'Async Desk: Show Log');
//   await screenshot(wb.page, '03-show-log');
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { copyDemo } from '../../scripts/lib/demo.mjs';
import { ensureTestHost } from '../../scripts/lib/test-host.mjs';
import { startCodeServer, installVsix, QUIET_SETTINGS, RESTRICTED_SETTINGS } from '../../scripts/lib/code-server.mjs';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { packageExtension } from '../../scripts/lib/vsix.mjs';
import { makeScratch, removeScratch, copyWorkspace, repoRoot, resultsDir, log, sleep } from '../../scripts/lib/util.mjs';

export const screenshotsDir = join(resultsDir, 'ui');

/** Pages of running workbenches, so the runner can screenshot them when a test fails. */
export const livePages = new Set();

let vsixPromise;
/** Packages the extension once per run (into a scratch dir) and returns the .vsix path. */
export function packagedVsix() {
  vsixPromise ??= (async () => {
    const dir = makeScratch('vsix');
    process.on('exit', () => removeScratch(dir));
    return packageExtension(join(dir, 'async-desk.vsix'));
  })();
  return vsixPromise;
}

/** The workspace the UI checks use: $ASYNC_DESK_UI_WORKSPACE, else demo/ when it has records, else the test fixture. */
export function defaultWorkspace() {
  if (process.env.ASYNC_DESK_UI_WORKSPACE) return process.env.ASYNC_DESK_UI_WORKSPACE;
  const demo = join(repoRoot, 'demo');
  if (readDecisionRecords(demo).length > 0) return demo;
  return join(repoRoot, 'test', 'fixtures', 'workspace');
}

/**
 * Starts code-server with the packaged extension on a copy of workspaceDir and opens it in Chromium.
 * @param {string} workspaceDir
 * restricted: open the folder untrusted (Restricted Mode), as a freshly cloned unknown repository.
 * prepare: called with the workspace copy before the server starts (e.g. to add a record).
 * demoToday: the day demo/'s story is dated to (default: this machine's today, as `npm start` does).
 * @param {{ settings?: object, copy?: boolean, name?: string, viewport?: {width:number,height:number}, restricted?: boolean, prepare?: (workspace: string) => void | Promise<void>, demoToday?: string }} [options]
 */
export async function startWorkbench(workspaceDir, { settings = {}, copy = true, name = 'ui', viewport, restricted = false, prepare, demoToday } = {}) {
  const host = await ensureTestHost();
  const vsix = await packagedVsix();
  const scratch = makeScratch(name);
  let server;
  let browser;
  const close = async () => {
    if (browser) livePages.delete(browser.page);
    await browser?.close();
    await server?.stop();
    removeScratch(scratch);
  };
  try {
    // demo/ is copied as `npm start` copies it: its story dated to this week.
    const into = join(scratch, 'workspace');
    const workspace = !copy
      ? workspaceDir
      : resolve(workspaceDir) === join(repoRoot, 'demo')
        ? (copyDemo(workspaceDir, into, demoToday), into)
        : copyWorkspace(workspaceDir, into);
    await prepare?.(workspace);
    installVsix({ host, scratch, vsix });
    server = await startCodeServer({ host, scratch, workspace, restricted, settings: { ...(restricted ? RESTRICTED_SETTINGS : QUIET_SETTINGS), ...settings } });
    browser = await launchChromium({ executablePath: host.chromium, viewport });
    const { page } = browser;
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Console messages of the workbench and of every (same-origin) webview frame, e.g. CSP violations.
    const consoleMessages = [];
    page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }));
    page.asyncDeskName = name; // failure screenshots of several live workbenches get distinct names
    livePages.add(page);
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    return { page, server, workspace, scratch, pageErrors, consoleMessages, close };
  } catch (error) {
    if (browser?.page) await screenshot(browser.page, 'FAILED-startWorkbench').catch(() => {});
    await close();
    throw error;
  }
}

/** Saves test-results/ui/<name>.png (full workbench). */
export async function screenshot(page, name) {
  mkdirSync(screenshotsDir, { recursive: true });
  if (name.startsWith('FAILED-') && page.asyncDeskName && livePages.size > 1) name = `${name}-${page.asyncDeskName}`;
  const file = join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

/** The activity-bar item of a view container (e.g. 'Async Desk'). */
export function activityBarItem(page, containerTitle) {
  return page.locator(`.part.activitybar [aria-label^="${containerTitle}"]`).first();
}

/** Shows a view container in the side bar (clicking an already active item would hide it). */
export async function openViewContainer(page, containerTitle, timeout = 60_000) {
  const item = activityBarItem(page, containerTitle);
  await item.waitFor({ state: 'visible', timeout });
  const sidebar = page.locator('.part.sidebar');
  const sidebarTitle = page.locator('.part.sidebar .composite.title');
  // The workbench may still be settling (a layout change from the step before can hide the side bar
  // after we looked), so look again after each click: the container is open when the side bar shows it.
  for (let attempt = 1; ; attempt++) {
    const active = (await item.getAttribute('aria-pressed')) === 'true' || (await item.getAttribute('aria-expanded')) === 'true';
    if (active && (await sidebarTitle.isVisible()) && (await sidebar.isVisible())) return;
    await item.click();
    const shown = await sidebar.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (shown && (await item.getAttribute('aria-pressed')) !== 'false') return;
    if (attempt === 4) {
      await sidebar.waitFor({ state: 'visible', timeout: 10_000 });
      return;
    }
  }
}

/** The pane (section) of a view in the side bar, by its title. */
export function viewPane(page, viewTitle) {
  return page.locator(`.pane:has(> .pane-header[aria-label^="${viewTitle}"])`).first();
}

/**
 * Toggles a view pane by clicking its header at the chevron, on the left: the middle of a header can
 * be one of the view's title actions once the pointer hovers it (the Standups view has six), and a
 * click there runs that command ("Write Today's Standup" asks for your login) instead.
 */
async function toggleView(header) {
  const box = await header.boundingBox();
  await header.click({ position: { x: 10, y: Math.round((box?.height ?? 22) / 2) } });
}

/** Expands a collapsed view pane. */
export async function expandView(page, viewTitle) {
  const header = page.locator(`.pane-header[aria-label^="${viewTitle}"]`).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await toggleView(header);
}

/** Collapses a view pane (e.g. to give another pane of the container more height). */
export async function collapseView(page, viewTitle) {
  const header = page.locator(`.pane-header[aria-label^="${viewTitle}"]`).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'true') await toggleView(header);
}

/**
 * Expands the named view panes of the side bar and collapses every other one, so that a tree gets
 * the container's height (its list is virtualised: rows outside the pane are not in the DOM).
 */
export async function showOnlyViews(page, ...viewTitles) {
  const headers = page.locator('.part.sidebar .pane-header');
  await headers.first().waitFor({ state: 'visible', timeout: 30_000 });
  // Collapse first, then expand: the expanded panes then share the freed height.
  for (const wanted of [false, true]) {
    const count = await headers.count();
    for (let i = 0; i < count; i++) {
      const header = headers.nth(i);
      const label = (await header.getAttribute('aria-label')) ?? '';
      if (viewTitles.some((t) => label.startsWith(t)) !== wanted) continue;
      if (((await header.getAttribute('aria-expanded')) === 'true') !== wanted) await toggleView(header);
    }
  }
}

/**
 * The rendered rows of a tree view: { label, description, text, level, expanded, ariaLabel }.
 * Lists are virtualised: only rows in the viewport exist in the DOM.
 */
export async function treeRows(page, viewTitle) {
  return viewPane(page, viewTitle)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
        text: row.textContent?.trim() ?? '',
        level: Number(row.getAttribute('aria-level') ?? 0),
        expanded: row.getAttribute('aria-expanded'),
        ariaLabel: row.getAttribute('aria-label') ?? '',
      })),
    );
}

/** Polls treeRows until predicate(rows) is truthy; returns the rows. */
export async function waitForTreeRows(page, viewTitle, predicate = (rows) => rows.length > 0, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await treeRows(page, viewTitle);
    if (predicate(rows)) return rows;
    await sleep(200);
  }
  throw new Error(`Timed out after ${timeout} ms waiting for rows in "${viewTitle}"; rows: ${JSON.stringify(rows.map((r) => r.text))}`);
}

/**
 * Runs a command from the palette by its full title ("Async Desk: Show Log"): F1, type, pick the row
 * whose label is exactly the title. Waits for the activity bar first: a palette opened before the
 * extensions are registered answers "No matching commands".
 */
export async function runCommand(page, title, { timeout = 30_000 } = {}) {
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: title }) })
      .first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      const label = (await row.locator('.label-name').first().textContent())?.trim();
      if (label !== title) throw new Error(`first match is "${label}"`);
      await row.click();
      // Done when the palette closed, or when the command opened its own quick input (no ">" prefix).
      await page.waitForFunction(
        () => {
          const box = document.querySelector('.quick-input-widget .quick-input-box input');
          return !box || !box.checkVisibility() || !box.value.startsWith('>');
        },
        null,
        { timeout: 10_000 },
      );
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Command "${title}" not found in the palette: ${error.message}`, { cause: error });
      await sleep(500);
    }
  }
}

/**
 * Opens a workspace file with Quick Open (file name typed into the palette, no ">"): works before
 * any extension has activated, e.g. to start loading a language while something else is awaited.
 */
export async function quickOpen(page, fileName, { timeout = 30_000 } = {}) {
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(fileName);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: fileName }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await page.locator(`.part.editor .tab[aria-label^="${fileName}"], .part.editor .tab:has-text("${fileName}")`).first().waitFor({ timeout: 15_000 });
}

/** Text of the visible output channel in the Panel (Output view); the editor's non-breaking spaces become spaces. */
export async function outputText(page) {
  const text = await page.locator('.part.panel .output-view .view-lines, .part.panel [id="workbench.panel.output"] .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Text content of the active editor's visible lines. */
export async function editorText(page) {
  return page.locator('.part.editor .editor-instance.active, .part.editor .monaco-editor').first().locator('.view-lines').first().innerText();
}

// ---- webviews, quick picks, notifications, layout ----

/**
 * The content frame of the webview whose document contains `hasText` (a string or RegExp). Webviews
 * are nested: <iframe class="webview"> (VS Code's host page) > #active-frame (the extension's HTML).
 * There may be several webviews (and hidden ones being torn down), so this looks into each and
 * polls until one matches. Returns a FrameLocator.
 */
export async function webviewFrame(page, hasText, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const outer = page.locator('iframe.webview');
    const count = await outer.count();
    const seen = [];
    for (let i = 0; i < count; i++) {
      const frame = outer.nth(i).contentFrame().locator('#active-frame').contentFrame();
      const body = frame.locator('body');
      if ((await body.count().catch(() => 0)) === 0) continue;
      // textContent, not innerText: headings are upper-cased by CSS, and the match is on the source text.
      const text = (await body.textContent({ timeout: 1_000 }).catch(() => '')) ?? '';
      seen.push(text.replace(/\s+/g, ' ').trim().slice(0, 120));
      if (typeof hasText === 'string' ? text.includes(hasText) : hasText.test(text)) return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for a webview containing ${hasText}; ${count} webview(s): ${JSON.stringify(seen)}`);
    }
    await sleep(250);
  }
}

/** The rows of the open quick pick: { label, checked } (checked is null in a single-select pick). */
export async function quickPickRows(page) {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      checked: row.hasAttribute('aria-checked') ? row.getAttribute('aria-checked') === 'true' : null,
    })),
  );
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for a quick pick (not the command palette) whose rows include `label`, and returns that row. */
export async function quickPickRow(page, label, timeout = 15_000) {
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

/** Picks an item of a single-select quick pick by its label (codicons are not part of the label text). */
export async function pickQuickItem(page, label) {
  await (await quickPickRow(page, label)).click();
}

/**
 * In a multi-select quick pick, sets exactly `labels` checked (clicking the checkboxes), then
 * accepts with Enter and waits for the quick pick to close.
 */
export async function pickManyQuickItems(page, labels) {
  await quickPickRow(page, labels[0]);
  for (const item of await quickPickRows(page)) {
    if (item.checked === null) throw new Error(`quick pick row "${item.label}" has no checkbox: not a multi-select pick`);
    if (item.checked !== labels.includes(item.label)) await (await quickPickRow(page, item.label)).locator('.monaco-checkbox').click();
  }
  const checked = (await quickPickRows(page)).filter((r) => r.checked).map((r) => r.label);
  if (JSON.stringify([...checked].sort()) !== JSON.stringify([...labels].sort())) {
    throw new Error(`quick pick checked ${JSON.stringify(checked)} instead of ${JSON.stringify(labels)}`);
  }
  await page.locator('.quick-input-widget .quick-input-box input').focus();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * A status bar entry by its id ('status.notifications'; an extension's item is
 * '<publisher>.<name>.<item id>'), as rendered: { text, ariaLabel, icons } with icons the codicon
 * names inside it ('bell-slash'); null when it is not in the status bar.
 */
export async function statusBarEntry(page, id) {
  const entry = page.locator(`.part.statusbar [id="${id}"]`);
  if ((await entry.count()) === 0) return null;
  return entry.first().evaluate((e) => ({
    text: e.textContent?.trim() ?? '',
    ariaLabel: e.querySelector('.statusbar-item-label')?.getAttribute('aria-label') ?? e.getAttribute('aria-label') ?? '',
    icons: [...e.querySelectorAll('.codicon')].flatMap((i) => [...i.classList].filter((c) => c.startsWith('codicon-')).map((c) => c.slice('codicon-'.length))),
  }));
}

/** Clears all notification toasts (so they cover nothing in a screenshot). */
export async function clearNotifications(page) {
  if ((await page.locator('.notification-toast').count()) === 0) return;
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  await page
    .locator('.notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
}

/** Hides the panel (Output, Terminal…) so the editor gets the window's height. */
export async function closePanel(page) {
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Close Panel');
  await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Drags the sash at the side bar's edge so the side bar is about `width` pixels wide (long titles stay readable). */
export async function setSidebarWidth(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar is not visible');
  const edge = box.x + box.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, top: r.y, height: r.height };
    }),
  );
  const sash = sashes.filter((s) => s.height > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
  if (!sash || Math.abs(sash.x - edge) > 8) throw new Error(`no sash at the side bar's edge (x=${edge}): ${JSON.stringify(sashes)}`);
  const y = sash.top + sash.height / 2;
  await page.mouse.move(sash.x, y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (width - box.width), y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Screenshot for the README: always test-results/ui/<name>.png; also docs/images/<name>.png when
 * ASYNC_DESK_UPDATE_DOC_IMAGES=1, so `ASYNC_DESK_UPDATE_DOC_IMAGES=1 npm run test:ui` regenerates them.
 */
export async function docScreenshot(page, name) {
  const file = await screenshot(page, name);
  if (process.env.ASYNC_DESK_UPDATE_DOC_IMAGES !== '1') return [file];
  const docFile = join(repoRoot, 'docs', 'images', `${name}.png`);
  mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
  copyFileSync(file, docFile);
  return [file, docFile];
}

/** Today's date as YYYY-MM-DD in local time (what the extension compares review-by dates with). */
export function localIsoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Polls fn() until it returns a truthy value; returns it, or throws with describe(lastValue). */
export async function waitFor(fn, { timeout = 15_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${typeof message === 'function' ? message() : message}`);
    await sleep(interval);
  }
}

// ---- reading decision records straight from the files (independent of the extension's parser) ----

const DEFAULT_DIRS = ['docs/decisions', 'docs/adr', 'doc/adr'];

/** The decision folder of a workspace: .adr-dir, then adrFolder in .log4brains.yml, then the default names. */
export function decisionsDir(workspace) {
  const adrDir = join(workspace, '.adr-dir');
  if (existsSync(adrDir)) return join(workspace, readFileSync(adrDir, 'utf8').trim());
  const l4b = join(workspace, '.log4brains.yml');
  if (existsSync(l4b)) {
    const m = readFileSync(l4b, 'utf8').match(/^\s*adrFolder:\s*["']?([^"'\n]+?)["']?\s*$/m);
    if (m) return join(workspace, m[1]);
  }
  for (const dir of DEFAULT_DIRS) if (existsSync(join(workspace, dir))) return join(workspace, dir);
  return join(workspace, DEFAULT_DIRS[0]);
}

/**
 * Records in a workspace: { file, title, status, reviewBy } for every NNNN-*.md / YYYYMMDD-*.md below the
 * decision folder. Title = first "# " heading (adr-tools "# 12. Title" → "Title"); status = front
 * matter `status:` or the first line after "## Status"; reviewBy = front matter `review-by:` (YYYY-MM-DD) or null.
 */
export function readDecisionRecords(workspace) {
  const root = decisionsDir(workspace);
  if (!existsSync(root)) return [];
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^(\d{4}|\d{8})-.+\.md$/i.test(name)) files.push(full);
    }
  };
  walk(root);
  return files.sort().map((full) => {
    const text = readFileSync(full, 'utf8').replace(/\r\n/g, '\n');
    const front = text.startsWith('---\n') ? text.slice(4, text.indexOf('\n---', 4)) : '';
    const body = front ? text.slice(text.indexOf('\n---', 4) + 4) : text;
    const title = (body.match(/^#\s+(.+)$/m)?.[1] ?? '').replace(/^\d+\.\s+/, '').trim();
    const status = front.match(/^status:\s*["']?([A-Za-z]+)/m)?.[1] ?? body.match(/^##\s+Status\s*\n+\s*(?:[-*]\s*)?([A-Za-z]+)/m)?.[1] ?? null;
    const reviewBy = front.match(/^review-by:\s*["']?(\d{4}-\d{2}-\d{2})/m)?.[1] ?? null;
    return { file: relative(workspace, full).split('\\').join('/'), title, status: status?.toLowerCase() ?? null, reviewBy };
  });
}

export { log, sleep };
