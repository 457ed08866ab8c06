// Helpers for the Playwright UI checks (test/ui/*.test.mjs, run by scripts/run-ui.mjs).
// The workbench is a normal code-server session (no smoke-test driver, so toasts show) with the
// extension installed from the .vsix that `vsce package` builds, on a scratch copy of a workspace.
//
//   const wb = await startWorkbench(dir);           // { page, workspace, server, close }
//   await openViewContainer(wb.page, 'Async Desk');
//   const rows = await treeRows(wb.page, 'Decisions');
//   await runCommand(wb.page, 'Async Desk: Show Log');
//   await screenshot(wb.page, '03-show-log');
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
 * @param {{ settings?: object, copy?: boolean, name?: string, viewport?: {width:number,height:number}, restricted?: boolean }} [options]
 */
export async function startWorkbench(workspaceDir, { settings = {}, copy = true, name = 'ui', viewport, restricted = false } = {}) {
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
    const workspace = copy ? copyWorkspace(workspaceDir, join(scratch, 'workspace')) : workspaceDir;
    installVsix({ host, scratch, vsix });
    server = await startCodeServer({ host, scratch, workspace, restricted, settings: { ...(restricted ? RESTRICTED_SETTINGS : QUIET_SETTINGS), ...settings } });
    browser = await launchChromium({ executablePath: host.chromium, viewport });
    const { page } = browser;
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    livePages.add(page);
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    return { page, server, workspace, scratch, pageErrors, close };
  } catch (error) {
    if (browser?.page) await screenshot(browser.page, 'FAILED-startWorkbench').catch(() => {});
    await close();
    throw error;
  }
}

/** Saves test-results/ui/<name>.png (full workbench). */
export async function screenshot(page, name) {
  mkdirSync(screenshotsDir, { recursive: true });
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
  const sidebarTitle = page.locator('.part.sidebar .composite.title');
  const active = (await item.getAttribute('aria-pressed')) === 'true' || (await item.getAttribute('aria-expanded')) === 'true';
  if (!active || !(await sidebarTitle.isVisible())) await item.click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 10_000 });
}

/** The pane (section) of a view in the side bar, by its title. */
export function viewPane(page, viewTitle) {
  return page.locator(`.pane:has(> .pane-header[aria-label^="${viewTitle}"])`).first();
}

/** Expands a collapsed view pane. */
export async function expandView(page, viewTitle) {
  const header = page.locator(`.pane-header[aria-label^="${viewTitle}"]`).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
}

/** Collapses a view pane (e.g. to give another pane of the container more height). */
export async function collapseView(page, viewTitle) {
  const header = page.locator(`.pane-header[aria-label^="${viewTitle}"]`).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
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
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: title }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      const label = (await row.locator('.label-name').first().textContent())?.trim();
      if (label !== title) throw new Error(`first match is "${label}"`);
      await row.click();
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Command "${title}" not found in the palette: ${error.message}`);
      await sleep(500);
    }
  }
}

/** Text of the visible output channel in the Panel (Output view). */
export async function outputText(page) {
  return page.locator('.part.panel .output-view .view-lines, .part.panel [id="workbench.panel.output"] .view-lines').first().innerText();
}

/** Text content of the active editor's visible lines. */
export async function editorText(page) {
  return page.locator('.part.editor .editor-instance.active, .part.editor .monaco-editor').first().locator('.view-lines').first().innerText();
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
 * Records in a workspace: { file, title, status } for every NNNN-*.md / YYYYMMDD-*.md below the
 * decision folder. Title = first "# " heading (adr-tools "# 12. Title" → "Title"); status = front
 * matter `status:` or the first line after "## Status".
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
    const status =
      front.match(/^status:\s*["']?([A-Za-z]+)/m)?.[1] ??
      body.match(/^##\s+Status\s*\n+\s*(?:[-*]\s*)?([A-Za-z]+)/m)?.[1] ??
      null;
    return { file: relative(workspace, full).split('\\').join('/'), title, status: status?.toLowerCase() ?? null };
  });
}

export { log };
