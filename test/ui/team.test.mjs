// UI checks of team time in the browser: the Team view (members grouped by state), the Team Clock
// webview (one row per member, hour labels, the day picker), with screenshots for the README
// (docs/images/team-*.png, rewritten only when ASYNC_DESK_UPDATE_DOC_IMAGES=1), and a focus session
// as the status bar shows it: our countdown and VS Code's own Do Not Disturb bell.
// Expectations come from demo/.github/team.yml and from the extension's own core (compiled to out/ by
// `build.mjs --tests`) at the moment of each check, not from constants.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../scripts/lib/util.mjs';
import {
  startWorkbench,
  openViewContainer,
  showOnlyViews,
  treeRows,
  runCommand,
  screenshot,
  docScreenshot,
  webviewFrame,
  clearNotifications,
  setSidebarWidth,
  quickOpen,
  pickQuickItem,
  statusBarEntry,
  waitFor,
  log,
} from './helpers.mjs';

const require = createRequire(import.meta.url);
const WORKSPACE = join(repoRoot, 'demo');
const TEAM_FILE = '.github/team.yml';
const GROUP_LABELS = { working: 'Working now', focus: 'Focus', busy: 'Busy', off: 'Off hours', away: 'Away' };
// Status bar entries: ours (<publisher>.<name>.<item id>) and VS Code's notification bell.
const FOCUS_ITEM = 'asyncdesk.async-desk.asyncDesk.focus';
const BELL = 'status.notifications';

/** The workspace copy the workbench opened (demo/ dated to this week: its away ranges moved too). */
let opened;

/** The members as the file writes them: [{ github, name, timezone }]. */
function readTeam() {
  const doc = parse(readFileSync(join(opened, TEAM_FILE), 'utf8'));
  return (doc.members ?? []).map((m) => ({ github: String(m.github), name: m.name ? String(m.name) : `@${m.github}`, timezone: String(m.timezone) }));
}

/** Each member's state now, from the compiled core (the code the extension bundles). */
function expectedGroups(at = new Date()) {
  const core = require(join(repoRoot, 'out', 'src', 'core', 'team', 'index.js'));
  const { team } = core.parseTeamFile(readFileSync(join(opened, TEAM_FILE), 'utf8'), TEAM_FILE);
  const states = core.computeStates(team, at);
  return new Map(team.members.map((m, i) => [m.name ?? `@${m.github}`, GROUP_LABELS[states[i].state]]));
}

/** 'YYYY-MM-DD' of `at` in an IANA zone. */
function dateIn(zone, at = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The Team tree as { group, name } pairs (member rows under their group rows). */
function groupedMembers(rows) {
  const out = [];
  let group = null;
  for (const row of rows) {
    if (row.level === 1) group = row.label;
    else if (row.level === 2) out.push({ group, name: row.label, description: row.description });
  }
  return out;
}

describe('Team view, Team Clock and focus session (demo team)', function () {
  this.timeout(120_000);
  let wb;
  let page;
  let members;
  let me;

  before(async function () {
    // "You" are the first member: the clock is drawn in their zone, as a teammate would see it.
    const first = parse(readFileSync(join(WORKSPACE, TEAM_FILE), 'utf8')).members[0].github;
    wb = await startWorkbench(WORKSPACE, { name: 'ui-team', viewport: { width: 1440, height: 640 }, settings: { 'asyncDesk.me': first } });
    page = wb.page;
    opened = wb.workspace;
    members = readTeam();
    assert.ok(members.length >= 3, `${TEAM_FILE} needs a few members for the checks to mean something`);
    me = members[0];
  });

  after(async () => {
    await wb?.close();
  });

  it('the Team view lists every member of the team file, grouped by their state now', async () => {
    const started = Date.now();
    await openViewContainer(page, 'Async Desk');
    const opened = Date.now();
    await showOnlyViews(page, 'Team');
    let rows = [];
    let expected;
    await waitFor(
      async () => {
        rows = groupedMembers(await treeRows(page, 'Team'));
        expected = expectedGroups(); // recomputed each poll: a minute boundary may move someone
        return rows.length === members.length && rows.every((r) => expected.get(r.name) === r.group);
      },
      {
        timeout: 45_000,
        message: () => `the Team view to group ${members.length} members as ${JSON.stringify([...(expected ?? [])])}; it shows ${JSON.stringify(rows)}`,
      },
    );
    log(`Team view: ${rows.length} members grouped ${Date.now() - opened} ms after opening the container (${opened - started} ms to open it)`);
    assert.deepEqual(rows.map((r) => r.name).sort(), members.map((m) => m.name).sort());
    // Each member row shows the local time ("14:32 Wed").
    for (const r of rows) assert.match(r.description, /\b\d{2}:\d{2} (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/, `${r.name}: "${r.description}"`);
    // Group rows carry their member counts.
    const groups = (await treeRows(page, 'Team')).filter((r) => r.level === 1);
    for (const g of groups) assert.equal(Number(g.description), rows.filter((r) => r.group === g.label).length, `count of ${g.label}`);

    // The README picture shows the team file next to the view.
    const t = Date.now();
    await quickOpen(page, 'team.yml');
    log(`team.yml opened in ${Date.now() - t} ms`);
    await setSidebarWidth(page, 520);
    await page.keyboard.press('Control+1'); // focus the editor: no focus outline on a tree row
    await clearNotifications(page);
    const viewport = page.viewportSize();
    await page.mouse.move(viewport.width / 2, viewport.height - 10);
    await page.waitForTimeout(400);
    log(`screenshots: ${(await docScreenshot(page, 'team-view')).join(', ')}`);
  });

  it('"Async Desk: Show Team Clock" draws one row per member with the hour labels, in your zone', async () => {
    await runCommand(page, 'Async Desk: Show Team Clock');
    const frame = await webviewFrame(page, 'Times on the grid are your time', 30_000);
    const rows = frame.locator('#clock-body [role="row"]');
    await waitFor(async () => (await rows.count()) === members.length, { message: () => `${members.length} clock rows` });
    const names = await frame.locator('#clock-body [role="rowheader"] .n').allTextContents();
    assert.deepEqual(
      names.map((n) => n.replace(/\s*\(you\)$/, '').trim()),
      members.map((m) => m.name),
      'one row per member, in file order',
    );
    const zones = await frame.locator('#clock-body [role="rowheader"] .z').allTextContents();
    members.forEach((m, i) => assert.ok(zones[i].startsWith(m.timezone), `${m.name}: zone "${zones[i]}"`));
    // Hour labels of the viewer's day (23 to 25 of them on DST days).
    const ticks = await frame.locator('.ticks .tick').allTextContents();
    assert.ok(ticks.length >= 23 && ticks.length <= 25, `hour labels: ${ticks.join(' ')}`);
    for (const h of ['00', '06', '12', '18']) assert.ok(ticks.includes(h), `hour label ${h} in ${ticks.join(' ')}`);
    // The day is today in your zone (the first member's), and the grid says so.
    const sub = await frame.locator('.sub').textContent();
    assert.match(sub, new RegExp(`your time: ${me.timezone.replace('/', '\\/')} \\(@${me.github}\\)`));
    assert.equal(await frame.locator('#day-input').evaluate((e) => e.value), dateIn(me.timezone));
    assert.equal(await frame.locator('.daytitle .relative').textContent(), 'today');
    // Every row says its hours in words for screen readers.
    const labels = await frame.locator('#clock-body [role="cell"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')));
    members.forEach((m, i) => assert.ok(labels[i]?.startsWith(m.name), `row ${i} aria-label: ${labels[i]}`));
    await screenshot(page, 'team-clock-today');
  });

  it("Tomorrow shows the next day; the date field picks any day; hovering shows everyone's local time", async () => {
    const frame = await webviewFrame(page, 'Times on the grid are your time', 10_000);
    const dayLabel = frame.locator('#day-label');
    const todayLabel = await dayLabel.textContent();
    await frame.locator('vscode-button', { hasText: 'Tomorrow' }).click();
    await waitFor(async () => (await dayLabel.textContent()) !== todayLabel, { message: 'the day label to change after Tomorrow' });
    assert.equal(await frame.locator('.daytitle .relative').textContent(), 'tomorrow');
    const tomorrow = dateIn(me.timezone, new Date(Date.now() + 24 * 3_600_000));
    assert.equal(await frame.locator('#day-input').evaluate((e) => e.value), tomorrow);
    assert.equal(await frame.locator('#clock-body [role="row"]').count(), members.length);
    await screenshot(page, 'team-clock-tomorrow');

    // A DST day in Europe: the 25-hour day shows 25 hour labels, one repeated.
    await frame.locator('#day-input input').fill('2026-10-25');
    await waitFor(async () => /25 Oct 2026/.test(await dayLabel.textContent()), { message: 'the date field to show 25 Oct 2026' });
    const dstTicks = await frame.locator('.ticks .tick').allTextContents();
    if (/^Europe\//.test(me.timezone)) {
      assert.equal(dstTicks.length, 25, `hour labels on 2026-10-25: ${dstTicks.join(' ')}`);
      assert.match(await frame.locator('.sub').textContent(), /25-hour day/);
    }
    // Members in Europe have a clocks-change marker on that day.
    const europeans = members.filter((m) => m.timezone.startsWith('Europe/')).length;
    assert.equal(await frame.locator('#clock-body .shiftmark').count(), europeans);
    await screenshot(page, 'team-clock-dst');

    // For the README: today when it is a working day for most, else the next Monday; hover at 17:00.
    const now = new Date();
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: me.timezone, weekday: 'short' }).format(now);
    const ahead = { Sat: 2, Sun: 1 }[weekday] ?? 0;
    const shown = dateIn(me.timezone, new Date(now.getTime() + ahead * 24 * 3_600_000));
    if (ahead === 0) await frame.locator('vscode-button', { hasText: 'Today' }).click();
    else await frame.locator('#day-input input').fill(shown);
    await waitFor(async () => (await frame.locator('#day-input').evaluate((e) => e.value)) === shown, { message: `the clock to show ${shown}` });
    // Hide the side bar: the grid gets the window's width.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    await clearNotifications(page);
    const tick = await frame.locator('.ticks .tick', { hasText: /^17$/ }).boundingBox();
    const track = await frame.locator('#clock-body .track').first().boundingBox();
    await page.mouse.move(tick.x + tick.width / 2 + 1, track.y + track.height * 2.5);
    const tooltip = frame.locator('#clock-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
    const text = await tooltip.textContent();
    assert.match(text, /^17:00 your time/);
    for (const m of members) assert.ok(text.includes(m.name), `tooltip names ${m.name}: ${text}`);
    assert.equal((await tooltip.locator('tr').allTextContents()).length, members.length);
    await page.waitForTimeout(300);
    log(`screenshots: ${(await docScreenshot(page, 'team-clock')).join(', ')}`);
  });

  it("a 25-minute focus session counts down in the status bar and turns on VS Code's Do Not Disturb; clicking it ends both", async () => {
    const entries = async () => ({ focus: await statusBarEntry(page, FOCUS_ITEM), bell: await statusBarEntry(page, BELL) });
    const idle = (e) =>
      e.focus?.icons.includes('clock') && /^\d{2}:\d{2}$/.test(e.focus.text) && e.bell?.icons.includes('bell') && e.bell.ariaLabel === 'Notifications';
    let seen;
    await waitFor(async () => idle((seen = await entries())), { message: () => `the local-time item and the plain bell; status bar: ${JSON.stringify(seen)}` });

    await runCommand(page, 'Async Desk: Start Focus Session…');
    await pickQuickItem(page, '25 minutes');
    const countdown = (text) => /^Focus (\d{2}):(\d{2}) left$/.exec(text ?? '');
    const focused = (e) =>
      e.focus?.icons.includes('eye-closed') &&
      countdown(e.focus.text) &&
      e.bell?.icons.includes('bell-slash') &&
      !e.bell.icons.includes('bell') &&
      e.bell.ariaLabel === 'Do Not Disturb';
    await waitFor(async () => focused((seen = await entries())), {
      timeout: 10_000,
      message: () => `the countdown and the Do Not Disturb bell; status bar: ${JSON.stringify(seen)}`,
    });
    const [, mm, ss] = countdown(seen.focus.text);
    const left = Number(mm) * 60 + Number(ss);
    assert.ok(left > 24 * 60 && left <= 25 * 60, `about 25 minutes left: ${seen.focus.text}`);
    assert.match(seen.focus.ariaLabel, /^Focus session, 25 minutes left, until \d{2}:\d{2} .*Activate to end it\.$/);
    // It counts down by itself.
    await waitFor(
      async () => {
        const m = countdown((await statusBarEntry(page, FOCUS_ITEM))?.text);
        return m && Number(m[1]) * 60 + Number(m[2]) < left;
      },
      { timeout: 5_000, message: 'the countdown to tick' },
    );
    await page.mouse.move(10, 10);
    await screenshot(page, 'focus-session-dnd');

    await page.locator(`.part.statusbar [id="${FOCUS_ITEM}"] .statusbar-item-label`).click();
    await waitFor(async () => idle((seen = await entries())), {
      timeout: 10_000,
      message: () => `the local-time item and the plain bell back; status bar: ${JSON.stringify(seen)}`,
    });
    await screenshot(page, 'focus-session-ended');
  });

  it("typed input survives a click elsewhere: Add Teammate's zone pick and a custom focus length", async () => {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    const clickElsewhere = async () => {
      const box = await page.locator('.part.editor').boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 30); // into the editor, below the quick input
      await page.waitForTimeout(300);
    };
    const before = readFileSync(join(wb.workspace, TEAM_FILE), 'utf8');

    await runCommand(page, 'Async Desk: Add Teammate…');
    await input.fill('zoe-quinn');
    await input.press('Enter');
    await waitFor(async () => (await input.inputValue()) === '' && /Name of @zoe-quinn/.test(await widget.textContent()), { message: 'the name prompt' });
    await input.fill('Zoe Quinn');
    await input.press('Enter');
    await waitFor(async () => (await input.getAttribute('placeholder'))?.includes('Time zone of @zoe-quinn'), { message: 'the zone pick' });
    await clickElsewhere();
    assert.ok(await widget.isVisible(), 'the zone pick stays open after a click elsewhere');
    assert.match(await input.getAttribute('placeholder'), /Time zone of @zoe-quinn/);
    await input.fill('Pacific/Auckland');
    await pickQuickItem(page, 'Pacific/Auckland');
    await waitFor(async () => /Working hours of @zoe-quinn/.test(await widget.textContent()), { message: 'the hours prompt' });
    await input.fill('08:00-16:00'); // pre-filled 09:00-17:00
    await input.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    const after = await waitFor(
      () => {
        const text = readFileSync(join(wb.workspace, TEAM_FILE), 'utf8');
        return text !== before && text;
      },
      { message: 'the team file to change' },
    );
    assert.match(after, /- github: zoe-quinn\n\s+name: "Zoe Quinn"\n\s+timezone: Pacific\/Auckland\n\s+hours: "08:00-16:00"/);

    await runCommand(page, 'Async Desk: Start Focus Session…');
    await pickQuickItem(page, 'Custom…');
    await waitFor(async () => /Minutes \(45\)/.test(await widget.textContent()), { message: 'the custom length prompt' });
    await input.fill('45');
    await clickElsewhere();
    assert.ok(await widget.isVisible(), 'the custom length prompt stays open after a click elsewhere');
    assert.equal(await input.inputValue(), '45');
    await input.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.match((await statusBarEntry(page, FOCUS_ITEM)).text, /^\d{2}:\d{2}$/, 'no session was started');
  });
});
