// The team digest: statuses in each member's own day (two zones on different dates at one instant),
// details, blocker ages and staleness, mentions, and the order of the entries.
import assert from 'node:assert/strict';
import { buildDigest, type DigestInput, type Standup } from '../../../src/core/standups';
import { teamOf } from '../team/helpers';
import { standup } from './helpers';

// 2026-11-23 is a Monday. Auckland is UTC+13 (summer time), Los Angeles UTC-8, Berlin UTC+1.
const team = teamOf(
  'holidays: { US: [2026-11-26] }',
  'members:',
  '  - github: kiri',
  '    name: Kiri Tane',
  '    timezone: Pacific/Auckland',
  '  - github: Lou',
  '    name: Lou Park',
  '    timezone: America/Los_Angeles',
  '    hours: "08:00-16:00"',
  '    holidays: US',
  '  - github: anna',
  '    name: Anna Berg',
  '    timezone: Europe/Berlin',
  '    days: [Mon, Tue, Wed, Thu]',
  '    away: [{ from: 2026-11-24, to: 2026-11-25, note: Conference }]',
);

function digest(date: string, now: string, standups: Standup[] = [], extra: Partial<DigestInput> = {}) {
  return buildDigest({ team, date, now: new Date(now), standups: new Map(standups.map((s) => [s.author.toLowerCase(), s])), staleAfterWorkdays: 2, ...extra });
}
const statuses = (entries: ReturnType<typeof digest>) => entries.map((e) => [e.github, e.status, e.detail]);

describe('buildDigest', () => {
  it('one UTC instant: each member is judged in their own day', () => {
    // 19:30 UTC: Kiri Tue 08:30, Lou Mon 11:30, Anna Mon 20:30.
    const now = '2026-11-23T19:30:00Z';
    assert.deepEqual(statuses(digest('2026-11-24', now)), [
      ['kiri', 'not-started', 'day starts 09:00 (in 30 min)'],
      ['Lou', 'not-started', 'day starts 08:00 (in 20 h 30 min)'],
      ['anna', 'away', 'Away: Conference'],
    ]);
    assert.deepEqual(statuses(digest('2026-11-23', now)), [
      ['anna', 'missing', 'nothing posted'], // her day is over
      ['kiri', 'missing', 'nothing posted'],
      ['Lou', 'missing', 'nothing posted yet'],
    ]);
    const lou = standup('lou', '2026-11-23', { done: ['Shipped'] });
    const entries = digest('2026-11-23', now, [lou]);
    assert.deepEqual(entries[0], {
      github: 'Lou',
      name: 'Lou Park',
      timezone: 'America/Los_Angeles',
      status: 'posted',
      detail: 'posted',
      file: 'docs/standups/2026-11-23/lou.md',
      done: ['Shipped'],
      next: [],
      blockers: [],
      blockerDetails: [],
      notes: '',
      mentionsMe: false,
      localTime: '2026-11-23T11:30:00-08:00',
    });
    assert.equal(entries.find((e) => e.github === 'kiri')!.localTime, '2026-11-24T08:30:00+13:00');
  });

  it('holidays, and a day that is not a working day: not-started until it is over, then away', () => {
    assert.deepEqual(
      statuses(digest('2026-11-26', '2026-11-26T17:00:00Z')).find((s) => s[0] === 'Lou'),
      ['Lou', 'away', 'Away: Holiday (US)'],
    );
    // Anna works Mon-Thu: Friday 2026-11-27 is not a working day of hers.
    assert.deepEqual(
      statuses(digest('2026-11-27', '2026-11-27T12:00:00Z')).find((s) => s[0] === 'anna'),
      ['anna', 'not-started', 'not a working day'],
    );
    assert.deepEqual(
      statuses(digest('2026-11-27', '2026-11-27T23:00:00Z')).find((s) => s[0] === 'anna'),
      ['anna', 'away', 'not a working day'],
    );
    // Saturday for everyone, viewed on Monday.
    assert.deepEqual(
      digest('2026-11-21', '2026-11-23T12:00:00Z').map((e) => e.status),
      ['away', 'away', 'away'],
    );
    // A day off is marked as such (the panel says "day off"); a holiday is not a day off.
    assert.equal(digest('2026-11-27', '2026-11-27T12:00:00Z').find((e) => e.github === 'anna')!.dayOff, true);
    assert.equal(digest('2026-11-26', '2026-11-26T17:00:00Z').find((e) => e.github === 'Lou')!.dayOff, undefined);
  });

  it('working hours have begun: missing; the start instant itself counts as begun', () => {
    assert.deepEqual(
      statuses(digest('2026-11-24', '2026-11-23T20:00:00Z')).find((s) => s[0] === 'kiri'),
      ['kiri', 'missing', 'nothing posted yet'],
    );
  });

  it('blockers: open only, aged with history, stale after more than N working days, mentions of me', () => {
    const days = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'].map((d) =>
      standup('lou', d, { blockers: ['- [ ] Credentials from @kiri', '- [ ] Review from @KIRI-b', '- [x] Old one'] }),
    );
    const history = (login: string, date: string) => (login === 'lou' ? days.find((s) => s.date === date) : undefined);
    const [first] = digest('2026-11-23', '2026-11-23T20:00:00Z', [days[3]!], { me: 'Kiri', history });
    assert.equal(first!.github, 'Lou');
    assert.deepEqual(first!.blockers, ['Credentials from @kiri', 'Review from @KIRI-b']);
    assert.deepEqual(first!.blockerDetails, [
      { text: 'Credentials from @kiri', since: '2026-11-18', openWorkdays: 3, stale: true, mentionsMe: true },
      { text: 'Review from @KIRI-b', since: '2026-11-18', openWorkdays: 3, stale: true, mentionsMe: false },
    ]);
    assert.equal(first!.mentionsMe, true);
    const twoDays = digest('2026-11-20', '2026-11-20T20:00:00Z', [days[2]!], { history })[0]!;
    assert.deepEqual(
      twoDays.blockerDetails.map((b) => [b.openWorkdays, b.stale, b.mentionsMe]),
      [
        [2, false, false],
        [2, false, false],
      ],
    );
    // Without history every blocker is new.
    assert.deepEqual(
      digest('2026-11-23', '2026-11-23T20:00:00Z', [days[3]!])[0]!.blockerDetails.map((b) => [b.since, b.openWorkdays]),
      [
        ['2026-11-23', 0],
        ['2026-11-23', 0],
      ],
    );
  });

  it('order: mentions of me first, then posted, not-started, missing, away; by name within a group', () => {
    const big = teamOf(
      'members:',
      ...['zed', 'amy', 'bea', 'cal', 'dan', 'eve'].flatMap((g) => [
        `  - github: ${g}`,
        `    timezone: ${g === 'dan' ? 'Pacific/Auckland' : 'Europe/Berlin'}`,
        ...(g === 'eve' ? ['    away: [{ from: 2026-11-23, to: 2026-11-23 }]'] : []),
      ]),
    );
    const standups = new Map<string, Standup>([
      ['zed', standup('zed', '2026-11-23', { blockers: ['- [ ] Need @me-too, not me'] })],
      ['bea', standup('bea', '2026-11-23', {})],
      ['cal', standup('cal', '2026-11-23', { blockers: ['- [ ] Waiting for (@ME)'] })],
      ['ghost', standup('ghost', '2026-11-23', {})],
    ]);
    // 07:00 UTC: Berlin 08:00 (before 09:00), Auckland 20:00 (day over).
    const entries = buildDigest({ team: big, date: '2026-11-23', now: new Date('2026-11-23T07:00:00Z'), me: 'me', standups, staleAfterWorkdays: 2 });
    assert.deepEqual(
      entries.map((e) => [e.github, e.status, e.mentionsMe]),
      [
        ['cal', 'posted', true],
        ['bea', 'posted', false],
        ['ghost', 'posted', false],
        ['zed', 'posted', false],
        ['amy', 'not-started', false],
        ['dan', 'missing', false],
        ['eve', 'away', false],
      ],
    );
    const ghost = entries.find((e) => e.github === 'ghost')!;
    assert.deepEqual([ghost.timezone, ghost.localTime, ghost.detail], ['', '', 'posted (not in the team file)']);
  });

  it('without a team file: only the people who posted; a date that is not one: nothing', () => {
    const standups = new Map([['bob', standup('bob', '2026-11-23', { done: ['x'] })]]);
    assert.deepEqual(
      buildDigest({ team: undefined, date: '2026-11-23', now: new Date(), standups, staleAfterWorkdays: 2 }).map((e) => [e.github, e.status]),
      [['bob', 'posted']],
    );
    assert.deepEqual(buildDigest({ team, date: '2026-11-31', now: new Date(), standups, staleAfterWorkdays: 2 }), []);
  });
});
