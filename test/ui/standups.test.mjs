// UI check of the standup composer in Chromium: type a standup into the Today panel, save it with the
// keyboard, and see the file on disk, the digest and the Standups view follow. Screenshots of the
// panel and the digest (docs/images/today-standup.png, today-digest.png with ASYNC_DESK_UPDATE_DOC_IMAGES=1).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startWorkbench,
  defaultWorkspace,
  openViewContainer,
  showOnlyViews,
  waitForTreeRows,
  webviewFrame,
  docScreenshot,
  setSidebarWidth,
  waitFor,
  log,
} from './helpers.mjs';

/** 'YYYY-MM-DD' of now in a zone (Alice, the demo's standup author here, is in Europe/Berlin). */
const dateIn = (zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('Standup composer in the Today panel', function () {
  this.timeout(150_000);
  let wb;
  let page;

  before(async () => {
    // The demo's story is dated to Alice's today (she is the viewer here), as `npm start` dates it to yours.
    wb = await startWorkbench(defaultWorkspace(), {
      name: 'ui-standups',
      viewport: { width: 1280, height: 900 },
      settings: { 'asyncDesk.me': 'alice' },
      demoToday: dateIn('Europe/Berlin'),
    });
    page = wb.page;
  });

  after(async () => {
    await wb?.close();
  });

  it('types a standup, saves it with Ctrl+Enter, and the file, the digest and the Standups view show it', async () => {
    const today = dateIn('Europe/Berlin');
    const file = join(wb.workspace, 'docs', 'standups', today, 'alice.md');
    assert.equal(existsSync(file), false, `${file} must not exist before the test`);

    await openViewContainer(page, 'Async Desk');
    await showOnlyViews(page, 'Today');
    await setSidebarWidth(page, 520);
    const frame = await webviewFrame(page, 'Your standup', 45_000);
    const done = frame.locator('#field-done textarea');
    await done.waitFor({ state: 'visible', timeout: 20_000 });
    // A living team whatever the date: the demo's last standups are this week's (today's, or the last
    // working day's at a weekend or a team-wide holiday), and the digest opens on them.
    const digestLabel = async () =>
      (
        (await frame
          .locator('section.digest .day-nav strong')
          .textContent()
          .catch(() => '')) ?? ''
      ).trim();
    await waitFor(async () => (await frame.locator('li.entry .pill', { hasText: /^posted$/ }).count()) >= 2, {
      timeout: 20_000,
      message: "the digest to show the demo team's posted standups",
    });
    const shown = await digestLabel();
    const shownDay = Date.parse(`${shown.replace(/^\w+ /, '')} UTC`);
    const age = (Date.parse(`${today}T00:00:00Z`) - shownDay) / 86_400_000;
    log(`digest opens on ${shown} (today in Berlin: ${today})`);
    assert.ok(age >= 0 && age < 7, `the digest opens on ${shown}, not within the week before ${today}`);
    // Open blockers of Alice's previous standup (demo/docs/standups) are carried forward as rows.
    const carried = await frame.locator('.blocker-row .blocker-text').allTextContents();
    log(`carried blockers: ${JSON.stringify(carried)}`);
    // Repo text typed here must stay text in the digest.
    await done.fill('Shipped the ledger export (#412)\nFixed <b>bold</b> rounding');
    await frame.locator('#field-next textarea').fill("Review @bob's migration PR");
    await frame.locator('#field-newBlockers textarea').fill('Waiting for staging credentials from @carol');
    await waitFor(async () => /Unsaved changes/.test((await frame.locator('#status').textContent()) ?? ''), { message: 'the draft state' });
    await frame.locator('#field-next textarea').press('Control+Enter');

    await waitFor(() => existsSync(file), { timeout: 15_000, message: `${file} written` });
    const text = readFileSync(file, 'utf8');
    log(`saved:\n${text}`);
    assert.equal(
      text,
      `---\nauthor: alice\ndate: ${today}\n---\n## Done\n- Shipped the ledger export (#412)\n- Fixed <b>bold</b> rounding\n## Next\n- Review @bob's migration PR\n## Blockers\n${carried.map((b) => `- [ ] ${b}\n`).join('')}- [ ] Waiting for staging credentials from @carol\n`,
    );
    await waitFor(async () => ((await frame.locator('#status').textContent()) ?? '').trim() === 'Saved', { message: 'the panel says Saved' });
    // The new blocker became a row with a checkbox, to tick tomorrow.
    assert.deepEqual(await frame.locator('.blocker-row .blocker-text').allTextContents(), [...carried, 'Waiting for staging credentials from @carol']);

    // The digest lists Alice as posted, her items as text (no <b> element from the file).
    const alice = frame.locator('li.entry', { hasText: '@alice' });
    await waitFor(
      async () =>
        (await alice
          .locator('.pill')
          .textContent()
          .catch(() => '')) === 'posted',
      { timeout: 15_000, message: 'Alice posted in the digest' },
    );
    assert.match(await alice.textContent(), /Fixed <b>bold<\/b> rounding/);
    assert.equal(await frame.locator('li.entry b').count(), 0, 'standup text became markup');
    const composer = frame.locator('section.composer');
    await composer.scrollIntoViewIfNeeded();
    await docScreenshot(page, 'today-standup');
    await frame.locator('section.digest').scrollIntoViewIfNeeded();
    await docScreenshot(page, 'today-digest');

    await showOnlyViews(page, 'Standups');
    // The Standups view lists today first (newest day on top); expanded, it shows Alice.
    const d = new Date(`${today}T00:00:00Z`);
    const label = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} ${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    const rows = await waitForTreeRows(page, 'Standups', (r) => r[0]?.label === label);
    log(`Standups rows: ${JSON.stringify(rows.map((r) => r.text))}`);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first().click();
    await waitForTreeRows(page, 'Standups', (r) => r.some((row) => row.level === 2 && row.label === 'Alice Ng' && /@alice/.test(row.description)));
  });
});
