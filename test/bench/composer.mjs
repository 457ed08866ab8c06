// Bench (SPEC §5 "webview"): how long after the Today view opens its standup composer is interactive,
// in Chromium against the packaged extension. Each open clicks the collapsed Today pane's header
// (collapsing the pane disposes the webview, so every open loads the page again) and takes:
//  - interactive: from the click to the moment the composer's fields were rendered and enabled, read
//    from the webview page itself (its performance.timeOrigin on the same clock as the click, plus
//    the page's own timestamp `data-composer-at`);
//  - keystroke: from the click until a character typed into Done is in the field's value, seen from
//    Playwright, which adds its own round trips through two nested frames (an upper bound).
// The first open after start-up (webview process start, bundle parse) is reported apart.
import { startWorkbench, defaultWorkspace, openViewContainer, collapseView, showOnlyViews } from '../ui/helpers.mjs';

/** @returns {Promise<{ first: { interactive: number, keystroke: number }, reopens: { interactive: number, keystroke: number }[] }>} milliseconds */
export async function measureComposer({ reopens = 7 } = {}) {
  const wb = await startWorkbench(defaultWorkspace(), {
    name: 'bench-composer',
    viewport: { width: 1280, height: 900 },
    settings: { 'asyncDesk.me': 'alice' },
  });
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
      // The Today view's webview is the only one (collapsing it removed the last one): wait on its
      // Done field directly, event-driven, rather than polling frames for text.
      const frame = page.locator('iframe.webview').last().contentFrame().locator('#active-frame').contentFrame();
      const done = frame.locator('#field-done textarea');
      await done.waitFor({ state: 'visible', timeout: 30_000 });
      const mark = String(i % 10);
      await done.press(mark);
      await frame.locator('#field-done').evaluate(
        (el, m) =>
          new Promise((resolve) => {
            const check = () => (el.value.endsWith(m) ? resolve() : requestAnimationFrame(check));
            check();
          }),
        mark,
      );
      const keystroke = Date.now() - started;
      const t = await frame.locator('body').evaluate((b) => ({ origin: performance.timeOrigin, composer: Number(b.dataset.composerAt) }));
      const interactive = Math.round(t.origin - started + t.composer);
      if (process.env.ASYNC_DESK_BENCH_DEBUG)
        console.log(`open ${i}: click → page start ${Math.round(t.origin - started)} ms, composer +${t.composer} ms, keystroke seen at ${keystroke} ms`);
      await done.press('Backspace'); // leave no draft behind
      await page.waitForTimeout(400);
      await collapseView(page, 'Today');
      await page.waitForTimeout(600);
      return { interactive, keystroke };
    };
    const first = await openOnce(0);
    const times = [];
    for (let i = 1; i <= reopens; i++) times.push(await openOnce(i));
    return { first, reopens: times };
  } finally {
    await wb.close();
  }
}
