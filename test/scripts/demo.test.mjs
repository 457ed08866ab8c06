// The demo workspace dated to the week it is opened in (scripts/lib/demo.mjs): `npm start` and the UI
// checks copy demo/ with its story moved so that its last standup day is today (or the last weekday).
// Each "today" here is injected; none depends on the real date.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorDay, copyDemo, dateMover, redateText, storyDayOf, untouched } from '../../scripts/lib/demo.mjs';

const demo = new URL('../../demo', import.meta.url).pathname;
const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('demo dated to this week', () => {
  let scratch;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'async-desk-demo-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('the anchor is today on a weekday, the Friday before at a weekend', () => {
    assert.equal(anchorDay('2027-03-29'), '2027-03-29'); // Monday
    assert.equal(anchorDay('2028-02-29'), '2028-02-29'); // leap day, a Tuesday
    assert.equal(anchorDay('2026-12-05'), '2026-12-04'); // Saturday
    assert.equal(anchorDay('2026-12-06'), '2026-12-04'); // Sunday
  });

  it('moves dates by working days onto weekdays, in order (a weekend date moves with its Friday)', () => {
    const move = dateMover('2026-11-20', '2027-03-29'); // story Friday to a Monday
    assert.equal(move('2026-11-20'), '2027-03-29');
    assert.equal(move('2026-11-19'), '2027-03-26', 'Thursday before: the Friday before Monday');
    assert.equal(move('2026-11-18'), '2027-03-25');
    assert.equal(move('2026-11-23'), '2027-03-30');
    const all = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 4, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const isWeekday = (x) => weekday(x) >= 1 && weekday(x) <= 5;
    for (const [a, b] of all.slice(1).map((d, i) => [all[i], d])) {
      assert.ok(move(a) <= move(b), `${a} < ${b} but ${move(a)} > ${move(b)}`);
      if (isWeekday(a) && isWeekday(b)) assert.ok(move(a) < move(b), `weekdays ${a} < ${b} but ${move(a)} >= ${move(b)}`);
    }
    for (const d of all) assert.ok(isWeekday(move(d)), `${d} moved to ${move(d)}, a weekend`);
    assert.equal(move('2026-11-15'), move('2026-11-13'), 'Sunday moves with its Friday');
  });

  it("keeps the team file's holiday calendars and moves away ranges", () => {
    const move = dateMover('2026-11-20', '2027-03-29');
    const text = 'holidays:\n  DE: [2026-12-24, 2026-12-25]\nmembers:\n  - github: dave\n    away: [{ from: 2026-11-19, to: 2026-11-24 }]\n    holidays: DE\n';
    assert.equal(
      redateText(text, move, { keepHolidays: true }),
      'holidays:\n  DE: [2026-12-24, 2026-12-25]\nmembers:\n  - github: dave\n    away: [{ from: 2027-03-26, to: 2027-03-31 }]\n    holidays: DE\n',
    );
  });

  for (const today of ['2027-03-29', '2028-02-29', '2026-12-06', '2026-11-20', '2026-03-04']) {
    it(`copies demo/ for ${today}: its last standup day is ${anchorDay(today)}, folder and front matter agree`, () => {
      const dest = join(scratch, 'workspace');
      const written = copyDemo(demo, dest, today);
      assert.equal(written.anchor, anchorDay(today));
      assert.equal(storyDayOf(dest), anchorDay(today));
      const days = readdirSync(join(dest, 'docs', 'standups')).sort();
      assert.equal(days.length, readdirSync(join(demo, 'docs', 'standups')).length, 'no day folder lost');
      for (const day of days) {
        assert.ok(weekday(day) >= 1 && weekday(day) <= 5, `${day} is a weekday`);
        for (const name of readdirSync(join(dest, 'docs', 'standups', day))) {
          assert.match(
            readFileSync(join(dest, 'docs', 'standups', day, name), 'utf8'),
            new RegExp(`^---\\nauthor: ${name.replace('.md', '')}\\ndate: ${day}\\n`),
          );
        }
      }
      const team = readFileSync(join(dest, '.github', 'team.yml'), 'utf8');
      assert.match(team, /DE: \[2026-12-24, 2026-12-25/, 'public holidays stay on their dates');
      // ADR-0003's review-by stays before the last standup day: the demo's overdue review stays overdue.
      const adr3 = readFileSync(join(dest, 'docs', 'decisions', '0003-use-postgresql-as-the-system-of-record.md'), 'utf8');
      assert.ok(/review-by: (\S+)/.exec(adr3)[1] < anchorDay(today));
      assert.equal(
        readFileSync(join(dest, 'examples', 'adr-tools', 'doc', 'adr', '0001-record-architecture-decisions.md'), 'utf8'),
        readFileSync(join(demo, 'examples', 'adr-tools', 'doc', 'adr', '0001-record-architecture-decisions.md'), 'utf8'),
        'examples/ as written',
      );
      assert.ok(untouched(dest, written.files));
      writeFileSync(join(dest, 'docs', 'notes.md'), 'mine\n');
      assert.equal(untouched(dest, written.files), false, 'an added file counts as an edit');
    });
  }
});
