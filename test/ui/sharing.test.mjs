// UI check of sharing standups over git (issue 13) in Chromium. The workspace is the demo as `npm start`
// makes it (scripts/lib/demo.mjs: copyDemo, then shareDemo): a clone whose origin is a bare repository
// next to it, with one or two teammates' standups of today already on the async-desk branch. Alice posts
// from the Today panel and sees "Posted"; a teammate posts with the CLI from another clone of the same
// origin; Sync in the digest brings that post in. Real git throughout; Alice's working tree, HEAD, index
// and stash never change. Screenshots of each step (docs/images/today-sharing.png with
// ASYNC_DESK_UPDATE_DOC_IMAGES=1).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dateInZone, git, runCli, shareDemo, standupText } from '../../scripts/lib/demo.mjs';
import { repoRoot } from '../../scripts/lib/util.mjs';
import {
  startWorkbench,
  defaultWorkspace,
  openViewContainer,
  showOnlyViews,
  webviewFrame,
  screenshot,
  docScreenshot,
  setSidebarWidth,
  clearNotifications,
  closePanel,
  waitFor,
  log,
} from './helpers.mjs';

const ZONE = 'Europe/Berlin'; // Alice's, in the demo's team file
const CLI = join(repoRoot, 'dist', 'cli.js');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The digest's day label for 'YYYY-MM-DD': "Fri 4 Dec 2026". */
const dayLabel = (iso) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** HH:MM in Alice's zone of every minute from `from` to `to` (the "Posted · 10:42" of a post made in between). */
const clocksBetween = (from, to) => {
  const out = new Set();
  for (let t = from - 60_000; t <= to + 60_000; t += 30_000)
    out.add(new Date(t).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }));
  return out;
};

/** What must never change in Alice's clone: status, HEAD, the current branch, the index, the stash, the worktrees. */
const repoState = (root) =>
  [
    ['status', '--porcelain=v1', '--untracked-files=all'],
    ['rev-parse', 'HEAD'],
    ['symbolic-ref', 'HEAD'],
    ['ls-files', '--stage'],
    ['stash', 'list'],
    ['worktree', 'list', '--porcelain'],
  ]
    .map((args) => git(root, ...args))
    .join('\n---\n');

/** A file of the sharing branch in the bare origin, or null. */
const onBranch = (bare, file) => {
  const r = spawnSync('git', ['--git-dir', bare, 'show', `async-desk:${file}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
};

/** The digest as rendered: one { handle, mentionsMe, pill, done, next, blockers } per person. */
const digestEntries = (frame) =>
  frame.locator('section.digest li.entry').evaluateAll((entries) =>
    entries.map((li) => {
      const lists = {};
      let label = '';
      for (const child of li.querySelector('.entry-body')?.children ?? []) {
        if (child.classList.contains('label')) label = child.textContent.trim().toLowerCase();
        else if (child.tagName === 'UL' && label) lists[label] = [...child.children].map((item) => item.firstChild?.textContent?.trim() ?? '');
      }
      return {
        handle: li.querySelector('.handle')?.textContent ?? '',
        mentionsMe: li.classList.contains('mentions-me'),
        pill: li.querySelector('.pill')?.textContent ?? '',
        done: lists.done ?? [],
        next: lists.next ?? [],
        blockers: lists.blockers ?? [],
      };
    }),
  );

describe('Sharing standups over git in the Today panel', function () {
  this.timeout(180_000);
  let wb;
  let page;
  let frame;
  let shared; // what shareDemo did: the bare origin, the teammates' clone, who posted
  let baseline; // repoState of Alice's clone before the workbench started
  let today; // Alice's today (the composer's date)
  let scratch; // the other teammate's clone, made in the test
  let lastWeek; // { login, date, done } of a post on the branch a week before the demo's day

  before(async () => {
    today = dateInZone(ZONE);
    wb = await startWorkbench(defaultWorkspace(), {
      name: 'ui-sharing',
      viewport: { width: 1280, height: 900 },
      // No background fetch on a timer during the test (one still runs when the Today view shows).
      settings: { 'asyncDesk.me': 'alice', 'asyncDesk.sharing.fetchMinutes': 60 },
      demoToday: today,
      prepare(workspace) {
        const started = Date.now();
        shared = shareDemo(workspace, { remote: join(dirname(workspace), 'remote.git'), teammateClone: join(dirname(workspace), 'teammates'), today });
        log(
          `shareDemo in ${Date.now() - started} ms: day ${shared.day}, posted ${JSON.stringify(shared.posted.map((p) => [p.login, p.date, p.early]))}; problems ${JSON.stringify(shared.problems)}`,
        );
        assert.deepEqual(shared.problems, []);
        // One more teammate's post on the branch, a week before: a day the digest does not open on. By
        // Dave, who has no open blocker on any day shown here, so no digest reads it for blocker ages.
        lastWeek = { login: 'dave', date: addDays(shared.day, -7), done: ['Currency input component: first pass (#238)'] };
        const input = join(dirname(workspace), 'last-week.md');
        writeFileSync(input, standupText({ done: lastWeek.done, next: ['Locale formats for the amounts'], blockers: [] }));
        const posted = runCli(CLI, ['standup', 'post', '--root', shared.teammateClone, '--author', lastWeek.login, '--date', lastWeek.date, '--file', input]);
        assert.equal(posted.code, 0, posted.stderr);
        git(workspace, 'fetch', '-q', 'origin');
        baseline = repoState(workspace);
      },
    });
    page = wb.page;
  });

  after(async () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await wb?.close();
  });

  it("opens with the sync bar and the teammates' posts from the async-desk branch in the digest", async () => {
    await openViewContainer(page, 'Async Desk');
    await showOnlyViews(page, 'Today');
    await setSidebarWidth(page, 520);
    frame = await webviewFrame(page, 'Your standup', 45_000);
    await frame.locator('#field-done textarea').waitFor({ state: 'visible', timeout: 20_000 });

    // The view's first background fetch reaches origin: "Synced just now", and a Sync button.
    const syncText = frame.locator('#sync-bar .sync-text');
    await waitFor(async () => (await syncText.textContent().catch(() => '')) === 'Synced just now', {
      timeout: 30_000,
      message: '"Synced just now" in the sync bar',
    });
    assert.deepEqual(await frame.locator('#sync-bar vscode-button').allTextContents(), ['Sync']);
    await waitFor(async () => (await frame.locator('#sharing-line').textContent()) === 'Posts go to async-desk', {
      message: '"Posts go to async-desk" under the composer',
    });

    const shownDay = ((await frame.locator('section.digest .day-nav strong').textContent()) ?? '').trim();
    log(`digest opens on ${shownDay}; the demo's day is ${shared.day}; Alice's today: ${today}`);
    if (shared.posted.length === 0) {
      log(`nobody on the team may post on ${shared.day} (holidays, time away): no teammate's post to look for`);
    } else {
      assert.equal(shownDay, dayLabel(shared.posted[0].date), "the digest opens on the day of the teammates' posts");
      for (const post of shared.posted) {
        await waitFor(async () => (await digestEntries(frame)).find((e) => e.handle === `@${post.login}`)?.pill === 'posted', {
          message: `@${post.login}'s post from the branch in the digest`,
        });
        const entry = (await digestEntries(frame)).find((e) => e.handle === `@${post.login}`);
        assert.deepEqual(entry.done, post.done, `@${post.login}'s Done items`);
        // Posted by the teammates' clone, not a file of Alice's working tree.
        assert.equal(existsSync(join(wb.workspace, post.file)), false, `${post.file} is in the working tree`);
      }
    }
    await screenshot(page, '30-sharing-opened');
    if (shared.posted.length) {
      const handle = frame.locator('.handle', { hasText: new RegExp(`^@${shared.posted[0].login}$`) });
      await frame.locator('section.digest li.entry').filter({ has: handle }).scrollIntoViewIfNeeded();
      await screenshot(page, '30-sharing-opened-digest');
      await frame.locator('section.composer').scrollIntoViewIfNeeded();
    }
  });

  it('Ctrl+Enter posts Alice\'s standup: "Posted · HH:MM (async-desk)", on the branch of origin, her working tree untouched', async () => {
    const file = `docs/standups/${today}/alice.md`;
    assert.equal(onBranch(shared.remote, file), null, `${file} is on the branch before the test`);
    const carried = await frame.locator('.blocker-row .blocker-text').allTextContents();
    await frame.locator('#field-done textarea').fill('Reviewed the 10x load test numbers with @bob\nADR-0003 review notes');
    await frame.locator('#field-next textarea').fill('Propose the partitioning plan for the journal table');
    await frame.locator('#field-newBlockers textarea').fill('');
    await waitFor(async () => /Unsaved changes/.test((await frame.locator('#status').textContent()) ?? ''), { message: 'the draft state' });
    const before = Date.now();
    await frame.locator('#field-next textarea').press('Control+Enter');

    const line = frame.locator('#sharing-line .sharing-text');
    const text = await waitFor(
      async () => {
        const t = (await line.textContent().catch(() => '')) ?? '';
        return /^Posted/.test(t) && t;
      },
      { timeout: 30_000, message: '"Posted" under the composer' },
    );
    const after = Date.now();
    log(`posted in ${after - before} ms: "${text}"`);
    const clock = text.match(/^Posted · (\d\d:\d\d) \(async-desk\)$/)?.[1];
    assert.ok(clock, `the line reads "${text}"`);
    assert.ok(clocksBetween(before, after).has(clock), `"Posted · ${clock}" is not the time of the post in ${ZONE}`);
    assert.equal(await frame.locator('#sharing-line vscode-button').count(), 0, 'a Retry or Post button after a post that went out');
    assert.match(await line.getAttribute('class'), /\bok\b/);

    // On the branch of the bare origin, exactly as written; not in the working tree.
    assert.equal(
      onBranch(shared.remote, file),
      `---\nauthor: alice\ndate: ${today}\n---\n## Done\n- Reviewed the 10x load test numbers with @bob\n- ADR-0003 review notes\n## Next\n- Propose the partitioning plan for the journal table\n## Blockers\n${carried.map((b) => `- [ ] ${b}\n`).join('')}`,
    );
    assert.equal(existsSync(join(wb.workspace, file)), false, `${file} was written to the working tree`);
    assert.equal(repoState(wb.workspace), baseline, "Alice's working tree, HEAD, index or stash changed");
    await waitFor(async () => ((await frame.locator('#status').textContent()) ?? '').trim() === 'Saved', { message: 'the panel says Saved' });

    // Her own post is in the digest, which now shows her day.
    await waitFor(async () => (await digestEntries(frame)).find((e) => e.handle === '@alice')?.pill === 'posted', { message: "Alice's post in the digest" });
    assert.equal(((await frame.locator('section.digest .day-nav strong').textContent()) ?? '').trim(), dayLabel(today));
    await frame.locator('section.composer').scrollIntoViewIfNeeded();
    await screenshot(page, '31-sharing-posted');
  });

  // Every Sync makes the standup store re-read the branch listing; one that finds nothing new must not
  // leave the digest unable to read a post it has not read yet (it then shows the author as "not posted"
  // until the window reloads). The first check above sees the same when the view's first fetch comes
  // between the listing and the first read of a teammate's post.
  it('a post on the branch read for the first time after a Sync that brought nothing new is in the digest', async () => {
    // A Sync with nothing new on the branch (Alice's post is there, as her clone pushed it).
    const syncButton = frame.locator('#sync-bar vscode-button', { hasText: 'Sync' });
    await syncButton.click();
    await page.locator('.part.statusbar', { hasText: 'Fetched 0 new posts' }).waitFor({ state: 'visible', timeout: 30_000 });
    // Back to last week's day in the digest: its posts are read now, for the first time.
    const label = frame.locator('section.digest .day-nav strong');
    const wanted = dayLabel(lastWeek.date);
    for (let step = 0; step < 14 && ((await label.textContent()) ?? '').trim() !== wanted; step++) {
      const before = ((await label.textContent()) ?? '').trim();
      await frame.locator('section.digest .day-nav vscode-button', { hasText: '‹' }).click();
      await waitFor(async () => ((await label.textContent()) ?? '').trim() !== before, { message: `the digest to move back from ${before}` });
    }
    assert.equal(((await label.textContent()) ?? '').trim(), wanted);
    const entryOf = async () => (await digestEntries(frame)).find((e) => e.handle === `@${lastWeek.login}`);
    await waitFor(async () => (await entryOf())?.pill === 'posted', {
      message: `@${lastWeek.login}'s post of ${lastWeek.date} from the branch in the digest`,
    }).catch(async (error) => {
      await screenshot(page, '32-sharing-last-week');
      throw new Error(`${error.message}; the digest shows ${JSON.stringify(await entryOf())}`, { cause: error });
    });
    assert.deepEqual((await entryOf()).done, lastWeek.done);
    await screenshot(page, '32-sharing-last-week');
    // Back to Alice's day.
    await frame.locator('section.digest .day-nav vscode-button', { hasText: 'Today' }).click();
    await waitFor(async () => ((await label.textContent()) ?? '').trim() === dayLabel(today), { message: "the digest back on Alice's today" });
  });

  it('a teammate posts with the CLI from another clone of origin; Sync in the digest brings the post in', async () => {
    // The digest on Alice's day (where the test before leaves it, unless it failed on another day).
    const label = frame.locator('section.digest .day-nav strong');
    if (((await label.textContent()) ?? '').trim() !== dayLabel(today)) {
      await frame.locator('section.digest .day-nav vscode-button', { hasText: 'Today' }).click();
      await waitFor(async () => ((await label.textContent()) ?? '').trim() === dayLabel(today), { message: "the digest on Alice's today" });
    }
    // Another teammate's machine: a fresh clone of the same origin.
    scratch = mkdtempSync(join(dirname(wb.workspace), 'laptop-'));
    const clone = join(scratch, 'ledger-service');
    git(scratch, 'clone', '-q', shared.remote, clone);
    // Someone who has not posted on Alice's day yet (bob, unless the demo's teammates' posts were his).
    const listed = runCli(CLI, ['standups', '--root', clone, '--date', today, '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const team = JSON.parse(listed.stdout);
    assert.equal(team.find((e) => e.github === 'alice')?.status, 'posted', "the clone reads Alice's post from the branch");
    const preferred = ['bob', 'erin', 'dave', 'farah', 'carol'];
    const login = preferred.find((l) => team.some((e) => e.github === l && e.status !== 'posted'));
    assert.ok(login, `everyone has posted on ${today}: ${JSON.stringify(team.map((e) => [e.github, e.status]))}`);
    const standup = {
      done: ['Reconciled the settlement file with the ledger: 0 unmatched entries (#251)'],
      next: ['Alerting on reconciliation drift'],
      blockers: ['Read replica for the reconciliation job from @alice'],
    };
    const input = join(scratch, `${login}.md`);
    writeFileSync(input, standupText(standup));
    const started = Date.now();
    const posted = runCli(CLI, ['standup', 'post', '--root', clone, '--author', login, '--date', today, '--file', input]);
    log(`@${login} posted with the CLI in ${Date.now() - started} ms: ${posted.stdout.trim()}`);
    assert.equal(posted.code, 0, posted.stderr);
    assert.match(posted.stdout, new RegExp(`^Posted docs/standups/${today}/${login}\\.md to async-desk \\([0-9a-f]{12}\\)\\.\\n$`));

    // Not in the panel before a fetch.
    const entryOf = async () => (await digestEntries(frame)).find((e) => e.handle === `@${login}`);
    assert.notEqual((await entryOf())?.pill, 'posted', `@${login}'s post is in the digest before Sync`);
    await screenshot(page, '33-sharing-before-sync');

    const syncButton = frame.locator('#sync-bar vscode-button', { hasText: 'Sync' });
    await syncButton.click();
    await waitFor(async () => (await entryOf())?.pill === 'posted', { timeout: 30_000, message: `@${login}'s post in the digest after Sync` });
    const entry = await entryOf();
    assert.deepEqual({ done: entry.done, next: entry.next, blockers: entry.blockers }, standup);
    // The blocker names @alice: marked in Alice's digest, and among the first entries.
    assert.equal(entry.mentionsMe, true);
    const entries = await digestEntries(frame);
    assert.ok(
      entries.slice(0, entries.indexOf(entries.find((e) => e.handle === `@${login}`))).every((e) => e.mentionsMe),
      'an entry above it does not mention Alice',
    );
    await waitFor(async () => (await frame.locator('#sync-bar .sync-text').textContent()) === 'Synced just now', { message: 'the sync bar after Sync' });
    assert.match((await frame.locator('#sharing-line .sharing-text').textContent()) ?? '', /^Posted · \d\d:\d\d \(async-desk\)$/);
    assert.equal(existsSync(join(wb.workspace, `docs/standups/${today}/${login}.md`)), false);
    assert.equal(repoState(wb.workspace), baseline, "Alice's working tree, HEAD, index or stash changed");

    // README picture: the composer's "Posted" line, the sync bar and the digest with the teammate's post.
    await closePanel(page);
    await clearNotifications(page);
    // The composer's buttons at the top of the view: the status and sharing lines, the sync bar and the digest below.
    await frame.locator('#status').evaluate((status) => {
      status.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -48);
    });
    const viewport = page.viewportSize();
    await page.mouse.move(viewport.width / 2, viewport.height - 10);
    await page.waitForTimeout(300);
    const files = await docScreenshot(page, 'today-sharing');
    log(`screenshots: ${files.join(', ')}`);
  });
});
