// Bench (SPEC §5 "webview"): how long after the Today view opens its standup composer is interactive,
// measured from outside in Chromium against the packaged extension: click the collapsed Today pane's
// header, then type one character into the Done field; the time runs until that character is in the
// field's value. The first open (webview process start, bundle parse) is reported apart from the
// re-opens (collapsing the pane disposes the webview, so each re-open loads the page again).
import { startWorkbench, defaultWorkspace, openViewContainer, collapseView, showOnlyViews, webviewFrame } from '../ui/helpers.mjs';

/** @returns {Promise<{ first: number, reopens: number[] }>} milliseconds */
export async function measureComposer({ reopens = 7 } = {}) {
  const wb = await startWorkbench(defaultWorkspace(), { name: 'bench-composer', viewport: { width: 1280, height: 900 }, settings: { 'asyncDesk.me': 'alice' } });
  try {
    const { page } = wb;
    await openViewContainer(page, 'Async Desk');
    await showOnlyViews(page, 'Decisions');
    // Let activation and the first indexing settle, so the figure is the view's, not start-up's.
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const header = page.locator('.pane-header[aria-label^="Today"]').first();

    const openOnce = async (i) => {
      const started = Date.now();
      await header.click();
      const frame = await webviewFrame(page, 'Your standup', 30_000);
      const done = frame.locator('#field-done textarea');
      await done.waitFor({ state: 'visible', timeout: 30_000 });
      const mark = String(i % 10);
      await done.press(mark);
      await frame.locator('#field-done').evaluate((el, m) => new Promise((resolve) => {
        const check = () => (el.value.endsWith(m) ? resolve() : requestAnimationFrame(check));
        check();
      }), mark);
      const elapsed = Date.now() - started;
      await done.press('Backspace'); // leave no draft behind
      await page.waitForTimeout(400);
      await collapseView(page, 'Today');
      await page.waitForTimeout(600);
      return elapsed;
    };
    const first = await openOnce(0);
    const times = [];
    for (let i = 1; i <= reopens; i++) times.push(await openOnce(i));
    return { first, reopens: times };
  } finally {
    await wb.close();
  }
}
