// Working time across zones: overlap windows, hours in another zone, the best time to reach someone
// and the team clock's day timeline.
import assert from 'node:assert/strict';
import { bestTimeToReach, dayTimeline, hoursInZone, overlapWindows, parseTeamFile, teamOverlap, type TimelineSegment } from '../../../src/core/team';
import { at, readTeamFixture, soloTeam, teamOf } from './helpers';

const world = parseTeamFile(readTeamFixture('world'), '.github/team.yml').team;
const member = (login: string) => world.members.find((m) => m.github === login)!;
const compact = (segments: TimelineSegment[]) => segments.map((s) => `${s.start.slice(11, 16)}-${s.end.slice(11, 16)} ${s.kind} ${s.offsetMinutes}`);

describe('overlapWindows', () => {
  const team = teamOf('members:', '  - github: berlin', '    timezone: Europe/Berlin', '  - github: ny', '    timezone: America/New_York');
  const [berlin, ny] = team.members as [(typeof team.members)[0], (typeof team.members)[0]];
  // Both work 09:00-17:00. The gap between them is 6 h, but 5 h while only the US is on summer time
  // (2026-03-08..03-29) and again while only Europe is back on winter time (2026-10-25..11-01).
  const cases: [string, string, string, string][] = [
    ['both on winter time', '2026-03-06', '2026-03-06T15:00:00+01:00', '2026-03-06T17:00:00+01:00'],
    ['US on summer time, Europe not yet', '2026-03-20', '2026-03-20T14:00:00+01:00', '2026-03-20T17:00:00+01:00'],
    ['both on summer time', '2026-04-03', '2026-04-03T15:00:00+02:00', '2026-04-03T17:00:00+02:00'],
    ['Europe back on winter time, US not yet', '2026-10-30', '2026-10-30T14:00:00+01:00', '2026-10-30T17:00:00+01:00'],
  ];
  for (const [name, date, start, end] of cases) {
    it(`${name} (${date}), in the first member's zone`, () => {
      assert.deepEqual(overlapWindows(berlin, ny, at(`${date}T00:00:00Z`), 24, team), [{ start, end }]);
    });
  }

  it('starts at the given instant when the overlap is under way, and spans the horizon', () => {
    assert.deepEqual(overlapWindows(ny, berlin, at('2026-03-06T15:30:00Z'), 72, team), [
      { start: '2026-03-06T10:30:00-05:00', end: '2026-03-06T11:00:00-05:00' }, // Friday, then the weekend
      { start: '2026-03-09T09:00:00-04:00', end: '2026-03-09T11:30:00-04:00' }, // Monday 13:00Z to the horizon, 15:30Z
    ]);
  });

  it('a night shift overlaps with Kathmandu across the date line, and away days leave gaps', () => {
    assert.deepEqual(overlapWindows(member('carol'), member('night'), at('2026-11-24T00:00:00Z'), 48, world), [
      { start: '2026-11-24T10:00:00+05:45', end: '2026-11-24T17:45:00+05:45' },
      { start: '2026-11-25T10:00:00+05:45', end: '2026-11-25T17:45:00+05:45' },
    ]);
    assert.deepEqual(overlapWindows(member('carol'), member('dana'), at('2026-11-30T00:00:00Z'), 72, world), []); // dana away
  });
});

describe('teamOverlap', () => {
  it("intervals of the viewer's day when everyone works", () => {
    assert.deepEqual(teamOverlap([member('carol'), member('dana')], '2026-11-24', 'UTC', world), [
      { start: '2026-11-24T04:15:00+00:00', end: '2026-11-24T12:00:00+00:00' },
    ]);
    assert.deepEqual(teamOverlap([member('carol'), member('dana')], '2026-11-24', 'Asia/Kathmandu', world), [
      { start: '2026-11-24T10:00:00+05:45', end: '2026-11-24T17:45:00+05:45' },
    ]);
    assert.deepEqual(teamOverlap(world.members, '2026-11-24', 'UTC', world), []);
    assert.deepEqual(teamOverlap([], '2026-11-24', 'UTC', world), []);
  });

  it("on a viewer day of 25 hours (DST end), in the viewer's offsets", () => {
    const { team } = soloTeam(['timezone: UTC', 'hours: "00:00-24:00"', 'days: [Sun]']);
    assert.deepEqual(teamOverlap(team.members, '2026-10-25', 'Europe/Berlin', team), [
      { start: '2026-10-25T02:00:00+02:00', end: '2026-10-26T00:00:00+01:00' },
    ]);
  });
});

describe('hoursInZone', () => {
  it('their working hours in your time, with the dates on your side', () => {
    assert.deepEqual(hoursInZone(member('carol'), '2026-11-23', 'America/Los_Angeles', world), {
      start: '2026-11-22T20:15:00-08:00',
      end: '2026-11-23T04:15:00-08:00',
      startDate: '2026-11-22',
      endDate: '2026-11-23',
      text: '20:15-04:15',
      away: false,
    });
    assert.equal(hoursInZone(member('night'), '2026-11-23', 'Europe/Berlin', world)!.text, '05:00-13:00');
  });

  it('null on a day off; flagged on an away day; DST on their side shifts your view', () => {
    assert.equal(hoursInZone(member('dana'), '2026-11-27', 'UTC', world), null); // Friday
    assert.equal(hoursInZone(member('dana'), '2026-12-01', 'UTC', world)!.away, true);
    assert.equal(hoursInZone(member('carol'), '2026-11-27', 'UTC', world)!.away, true); // NP holiday
    const lhi = member('lhi');
    assert.equal(hoursInZone(lhi, '2026-04-03', 'UTC', world)!.text, '22:00-06:00'); // +11
    assert.equal(hoursInZone(lhi, '2026-04-06', 'UTC', world)!.text, '22:30-06:30'); // +10:30
  });
});

describe('bestTimeToReach', () => {
  it('the next stretch outside focus, in your time and theirs', () => {
    assert.equal(
      bestTimeToReach(member('carol'), 'Europe/Berlin', at('2026-11-24T04:00:00Z'), world),
      'Best time to reach @carol: 05:15-09:15 your time (10:00-14:00 Asia/Kathmandu), today',
    );
  });

  it('"now" while it is under way, without their zone when it is yours', () => {
    assert.equal(
      bestTimeToReach(member('carol'), 'Europe/Berlin', at('2026-11-24T05:00:00Z'), world),
      'Best time to reach @carol: now, until 09:15 your time (14:00 Asia/Kathmandu)',
    );
    assert.equal(
      bestTimeToReach(member('carol'), 'Asia/Kathmandu', at('2026-11-24T05:00:00Z'), world),
      'Best time to reach @carol: now, until 14:00 your time',
    );
  });

  it('tomorrow, and after away days a weekday and date', () => {
    assert.equal(
      bestTimeToReach(member('carol'), 'Asia/Kathmandu', at('2026-11-24T12:30:00Z'), world),
      'Best time to reach @carol: 10:00-18:00 your time, tomorrow',
    );
    // dana: away Mon 30 Nov - Thu 3 Dec, weekend Fri-Sat, back Sun 6 Dec 08:00 Dubai = Sat 5 Dec 23:00 in New York.
    assert.equal(
      bestTimeToReach(member('dana'), 'America/New_York', at('2026-11-29T16:00:00Z'), world),
      'Best time to reach @dana: 23:00-07:00 your time (08:00-16:00 Asia/Dubai), next Sat 5 Dec',
    );
  });

  it('skips a stretch shorter than 30 minutes when a longer one follows', () => {
    const { team } = soloTeam(['timezone: UTC', 'focus: ["Mon 09:20-12:00"]']);
    assert.equal(bestTimeToReach(team.members[0]!, 'UTC', at('2026-11-23T08:00:00Z'), team), 'Best time to reach @m: 12:00-17:00 your time, today');
  });

  it('says so when there is no working time ahead', () => {
    const { team } = soloTeam(['timezone: UTC', 'away: [{ from: 2026-01-01, to: 2027-12-31 }]']);
    assert.equal(bestTimeToReach(team.members[0]!, 'UTC', at('2026-11-23T08:00:00Z'), team), '@m has no working time in the next 14 days.');
  });
});

describe('dayTimeline', () => {
  it('a Kathmandu day seen from Berlin: off, working, focus, working, off', () => {
    assert.deepEqual(compact(dayTimeline(member('carol'), world, '2026-11-24', 'Europe/Berlin')), [
      '00:00-05:15 off 345',
      '05:15-09:15 working 345',
      '09:15-11:15 focus 345',
      '11:15-13:15 working 345',
      '13:15-00:00 off 345',
    ]);
  });

  it('away days fill the row; the night shift shows on both sides of midnight', () => {
    assert.deepEqual(compact(dayTimeline(member('dana'), world, '2026-11-30', 'Europe/Berlin')), ['00:00-00:00 away 240']);
    assert.deepEqual(compact(dayTimeline(member('night'), world, '2026-11-24', 'America/Chicago')), [
      '00:00-06:00 working -360',
      '06:00-22:00 off -360',
      '22:00-00:00 working -360',
    ]);
    // Monday: Sunday night has no shift.
    assert.deepEqual(compact(dayTimeline(member('night'), world, '2026-11-23', 'America/Chicago')), ['00:00-22:00 off -360', '22:00-00:00 working -360']);
  });

  it("segments split where the member's offset changes; a viewer day of 25 hours is covered to its end", () => {
    const { team } = soloTeam(['timezone: Europe/London', 'days: [Sun]', 'focus: ["Sun 09:00-10:00"]']);
    const segments = dayTimeline(team.members[0]!, team, '2026-10-25', 'Europe/London');
    assert.deepEqual(
      segments.map((s) => [s.start, s.end, s.kind, s.offsetMinutes]),
      [
        ['2026-10-25T00:00:00+01:00', '2026-10-25T01:00:00+00:00', 'off', 60],
        ['2026-10-25T01:00:00+00:00', '2026-10-25T09:00:00+00:00', 'off', 0],
        ['2026-10-25T09:00:00+00:00', '2026-10-25T10:00:00+00:00', 'focus', 0],
        ['2026-10-25T10:00:00+00:00', '2026-10-25T17:00:00+00:00', 'working', 0],
        ['2026-10-25T17:00:00+00:00', '2026-10-26T00:00:00+00:00', 'off', 0],
      ],
    );
    const total = Date.parse(segments.at(-1)!.end) - Date.parse(segments[0]!.start);
    assert.equal(total, 25 * 3_600_000);
    // Seen from New York (still on summer time), the same Sunday is shifted by 4 hours, not 5.
    assert.deepEqual(compact(dayTimeline(team.members[0]!, team, '2026-10-25', 'America/New_York')), [
      '00:00-05:00 off 0',
      '05:00-06:00 focus 0',
      '06:00-13:00 working 0',
      '13:00-00:00 off 0',
    ]);
  });

  it('segments are contiguous and cover the day for every member and viewer', () => {
    for (const viewer of ['UTC', 'Pacific/Chatham', 'America/Los_Angeles', 'Australia/Lord_Howe']) {
      for (const date of ['2026-04-05', '2026-10-04', '2026-11-27', '2026-12-01']) {
        for (const m of world.members) {
          const segments = dayTimeline(m, world, date, viewer);
          assert.ok(segments.length > 0);
          assert.ok(segments[0]!.start.startsWith(`${date}T00:00:00`), `${viewer} ${date} ${m.github}`);
          for (let i = 1; i < segments.length; i++) assert.equal(Date.parse(segments[i]!.start), Date.parse(segments[i - 1]!.end));
          assert.ok(segments.every((s) => Date.parse(s.end) > Date.parse(s.start)));
        }
      }
    }
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    assert.throws(() => dayTimeline(member('carol'), world, '24.11.2026', 'UTC'), /not a date/);
  });
});
