// Member states (SPEC §2.1): precedence, "until", "next online", in each member's zone with DST.
// Expected instants are written in the member's local time (ISO with their offset), as the API
// returns them; comments give the reasoning in UTC where a DST change is involved.
import assert from 'node:assert/strict';
import { computeStates, memberState, parseTeamFile, zoneOffsetMinutes, type GitHubStatus, type MemberState, type Team } from '../../../src/core/team';
import { at, readTeamFixture, soloTeam, teamOf } from './helpers';

/** state, until, nextOnline of a one-member team at an instant. */
function brief(team: Team, iso: string, status?: GitHubStatus): [MemberState['state'], string | null, string | null] {
  const s = memberState(team.members[0]!, team, at(iso), status);
  return [s.state, s.until, s.nextOnline];
}

const world = parseTeamFile(readTeamFixture('world'), '.github/team.yml').team;
function worldState(login: string, iso: string): MemberState {
  const member = world.members.find((m) => m.github === login)!;
  return memberState(member, world, at(iso));
}
const worldBrief = (login: string, iso: string) => {
  const s = worldState(login, iso);
  return [s.state, s.until, s.nextOnline];
};

describe('memberState', () => {
  describe('DST in the US and in Europe, on different dates', () => {
    const ny = soloTeam(['timezone: America/New_York']).team;
    const berlin = soloTeam(['timezone: Europe/Berlin']).team;
    const la = soloTeam(['timezone: America/Los_Angeles']).team;

    it('US start (2026-03-08): off on Friday evening (EST), back Monday 09:00 EDT', () => {
      const s = memberState(ny.members[0]!, ny, at('2026-03-06T23:00:00Z'));
      assert.equal(s.state, 'off');
      assert.equal(s.localTime, '2026-03-06T18:00:00-05:00');
      assert.equal(s.localDate, '2026-03-06');
      assert.equal(s.weekday, 5);
      assert.equal(s.offsetMinutes, -300);
      assert.equal(s.until, '2026-03-09T09:00:00-04:00'); // 13:00Z, not 14:00Z
      assert.equal(s.nextOnline, s.until);
      assert.deepEqual(brief(ny, '2026-03-09T12:59:00Z'), ['off', '2026-03-09T09:00:00-04:00', '2026-03-09T09:00:00-04:00']);
      assert.deepEqual(brief(ny, '2026-03-09T13:00:00Z'), ['working', '2026-03-09T17:00:00-04:00', null]);
    });

    it('US start: a Saturday night shift 22:00-06:00 is 7 hours long and ends at 06:00 EDT', () => {
      const { team } = soloTeam(['timezone: America/New_York', 'hours: "22:00-06:00"', 'days: [Sat]']);
      assert.deepEqual(brief(team, '2026-03-08T02:59:00Z'), ['off', '2026-03-07T22:00:00-05:00', '2026-03-07T22:00:00-05:00']);
      assert.deepEqual(brief(team, '2026-03-08T03:00:00Z'), ['working', '2026-03-08T06:00:00-04:00', null]);
      assert.deepEqual(brief(team, '2026-03-08T09:59:00Z'), ['working', '2026-03-08T06:00:00-04:00', null]);
      assert.deepEqual(brief(team, '2026-03-08T10:00:00Z'), ['off', '2026-03-14T22:00:00-04:00', '2026-03-14T22:00:00-04:00']);
    });

    it('EU start (2026-03-29): off on Saturday (CET), back Monday 09:00 CEST', () => {
      const s = memberState(berlin.members[0]!, berlin, at('2026-03-28T12:00:00Z'));
      assert.deepEqual([s.state, s.localTime, s.offsetMinutes, s.until], ['off', '2026-03-28T13:00:00+01:00', 60, '2026-03-30T09:00:00+02:00']);
      assert.deepEqual(brief(berlin, '2026-03-30T07:00:00Z'), ['working', '2026-03-30T17:00:00+02:00', null]);
    });

    it('EU start: hours that begin in the skipped hour (02:30) begin when clocks jump to 03:00', () => {
      const { team } = soloTeam(['timezone: Europe/Berlin', 'hours: "02:30-10:00"', 'days: [Sun]']);
      assert.deepEqual(brief(team, '2026-03-29T00:59:00Z'), ['off', '2026-03-29T03:00:00+02:00', '2026-03-29T03:00:00+02:00']);
      assert.deepEqual(brief(team, '2026-03-29T01:00:00Z'), ['working', '2026-03-29T10:00:00+02:00', null]);
    });

    it('EU end (2026-10-25): a Saturday night shift 22:00-06:00 lasts 9 hours through both 01:30s', () => {
      const { team } = soloTeam(['timezone: Europe/London', 'hours: "22:00-06:00"', 'days: [Sat]']);
      assert.deepEqual(brief(team, '2026-10-24T20:59:00Z'), ['off', '2026-10-24T22:00:00+01:00', '2026-10-24T22:00:00+01:00']);
      for (const [iso, local] of [
        ['2026-10-24T21:00:00Z', '2026-10-24T22:00:00+01:00'],
        ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00+01:00'],
        ['2026-10-25T01:30:00Z', '2026-10-25T01:30:00+00:00'],
        ['2026-10-25T05:59:00Z', '2026-10-25T05:59:00+00:00'],
      ]) {
        const s = memberState(team.members[0]!, team, at(iso!));
        assert.deepEqual([s.state, s.localTime, s.until], ['working', local, '2026-10-25T06:00:00+00:00'], iso);
      }
      assert.equal(brief(team, '2026-10-25T06:00:00Z')[0], 'off');
    });

    it('EU end: hours that begin at a time that happens twice (02:30) begin at its first occurrence', () => {
      const { team } = soloTeam(['timezone: Europe/Berlin', 'hours: "02:30-10:00"', 'days: [Sun]']);
      assert.deepEqual(brief(team, '2026-10-25T00:29:00Z'), ['off', '2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+02:00']);
      assert.deepEqual(brief(team, '2026-10-25T00:30:00Z'), ['working', '2026-10-25T10:00:00+01:00', null]);
      assert.deepEqual(brief(berlin, '2026-10-25T12:00:00Z'), ['off', '2026-10-26T09:00:00+01:00', '2026-10-26T09:00:00+01:00']);
    });

    it('US end (2026-11-01): next online across a weekend that changes the offset', () => {
      const s = memberState(la.members[0]!, la, at('2026-10-31T00:30:00Z'));
      assert.deepEqual([s.state, s.localTime, s.offsetMinutes], ['off', '2026-10-30T17:30:00-07:00', -420]);
      assert.equal(s.until, '2026-11-02T09:00:00-08:00'); // 17:00Z
      assert.equal(s.nextOnline, '2026-11-02T09:00:00-08:00');
      assert.equal(memberState(la.members[0]!, la, at('2026-11-02T17:00:00Z')).state, 'working');
    });
  });

  describe('zones with 45-minute offsets and half-hour DST', () => {
    it('Asia/Kathmandu (+5:45): hours, a focus block, and a holiday', () => {
      const s = worldState('carol', '2026-11-24T04:14:00Z');
      assert.deepEqual([s.state, s.localTime, s.offsetMinutes, s.until], ['off', '2026-11-24T09:59:00+05:45', 345, '2026-11-24T10:00:00+05:45']);
      // Tuesday: working until the focus block starts, in focus until it ends, then working until 18:00.
      assert.deepEqual(worldBrief('carol', '2026-11-24T04:15:00Z'), ['working', '2026-11-24T14:00:00+05:45', null]);
      assert.deepEqual(worldBrief('carol', '2026-11-24T08:15:00Z'), ['focus', '2026-11-24T16:00:00+05:45', null]);
      assert.deepEqual(worldBrief('carol', '2026-11-24T10:15:00Z'), ['working', '2026-11-24T18:00:00+05:45', null]);
      assert.deepEqual(worldBrief('carol', '2026-11-24T12:15:00Z'), ['off', '2026-11-25T10:00:00+05:45', '2026-11-25T10:00:00+05:45']);
      // Friday 2026-11-27 is on her NP calendar: away the whole local day, back Monday.
      const holiday = worldState('carol', '2026-11-26T18:15:00Z'); // 00:00 Fri local
      assert.deepEqual(
        [holiday.state, holiday.awayKind, holiday.awayNote, holiday.until, holiday.nextOnline],
        ['away', 'holiday', 'Holiday (NP)', '2026-11-30T10:00:00+05:45', '2026-11-30T10:00:00+05:45'],
      );
      assert.equal(worldState('carol', '2026-11-26T18:14:00Z').state, 'off'); // 23:59 Thu local
    });

    it('Australia/Lord_Howe: +11 in summer, +10:30 in winter, changing at 30 minutes', () => {
      const summer = worldState('lhi', '2026-01-15T00:00:00Z');
      assert.deepEqual([summer.state, summer.localTime, summer.offsetMinutes], ['working', '2026-01-15T11:00:00+11:00', 660]);
      const winter = worldState('lhi', '2026-07-15T00:00:00Z');
      assert.deepEqual([winter.state, winter.localTime, winter.offsetMinutes], ['working', '2026-07-15T10:30:00+10:30', 630]);
      // DST ends Sunday 2026-04-05 02:00 -> 01:30 (15:00Z on the 4th); starts Sunday 2026-10-04 02:00 -> 02:30.
      assert.deepEqual(
        [zoneOffsetMinutes('Australia/Lord_Howe', at('2026-04-04T14:59:00Z')), zoneOffsetMinutes('Australia/Lord_Howe', at('2026-04-04T15:00:00Z'))],
        [660, 630],
      );
      assert.deepEqual(
        [zoneOffsetMinutes('Australia/Lord_Howe', at('2026-10-03T15:29:00Z')), zoneOffsetMinutes('Australia/Lord_Howe', at('2026-10-03T15:30:00Z'))],
        [630, 660],
      );
      assert.deepEqual(worldBrief('lhi', '2026-04-03T06:00:00Z'), ['off', '2026-04-06T09:00:00+10:30', '2026-04-06T09:00:00+10:30']);
      assert.deepEqual(worldBrief('lhi', '2026-10-02T06:30:00Z'), ['off', '2026-10-05T09:00:00+11:00', '2026-10-05T09:00:00+11:00']);
    });

    it('Australia/Lord_Howe: hours in the skipped half hour start at the jump; a time that happens twice starts at its first occurrence', () => {
      const gap = soloTeam(['timezone: Australia/Lord_Howe', 'hours: "02:15-10:00"', 'days: [Sun]']).team;
      assert.deepEqual(brief(gap, '2026-10-03T15:00:00Z'), ['off', '2026-10-04T02:30:00+11:00', '2026-10-04T02:30:00+11:00']);
      const twice = soloTeam(['timezone: Australia/Lord_Howe', 'hours: "01:45-10:00"', 'days: [Sun]']).team;
      assert.deepEqual(brief(twice, '2026-04-04T14:00:00Z'), ['off', '2026-04-05T01:45:00+11:00', '2026-04-05T01:45:00+11:00']);
      assert.deepEqual(brief(twice, '2026-04-04T14:45:00Z'), ['working', '2026-04-05T10:00:00+10:30', null]);
    });

    it('Pacific/Chatham: +13:45 in summer, +12:45 in winter', () => {
      const summer = worldState('chat', '2026-01-14T20:00:00Z');
      assert.deepEqual([summer.state, summer.localTime, summer.offsetMinutes], ['working', '2026-01-15T09:45:00+13:45', 825]);
      const winter = worldState('chat', '2026-07-14T20:00:00Z');
      assert.deepEqual([winter.state, winter.localTime, winter.offsetMinutes], ['working', '2026-07-15T08:45:00+12:45', 765]);
      // Friday 16:00 before DST ends on Sunday 2026-04-05 (03:45 -> 02:45): back Monday 08:00 at +12:45.
      assert.deepEqual(worldBrief('chat', '2026-04-03T02:15:00Z'), ['off', '2026-04-06T08:00:00+12:45', '2026-04-06T08:00:00+12:45']);
    });
  });

  describe('hours that cross midnight', () => {
    // night: America/Chicago, 22:00-06:00, Mon-Fri; each shift belongs to the day it starts on.
    it('Friday night shift runs into Saturday morning', () => {
      assert.deepEqual(worldBrief('night', '2026-11-28T05:00:00Z'), ['working', '2026-11-28T06:00:00-06:00', null]);
      const s = worldState('night', '2026-11-28T11:59:00Z');
      assert.deepEqual([s.state, s.weekday, s.localDate], ['working', 6, '2026-11-28']);
    });

    it('after the Friday shift the next one is Monday 22:00; there is no Sunday-night shift', () => {
      assert.deepEqual(worldBrief('night', '2026-11-28T12:00:00Z'), ['off', '2026-11-30T22:00:00-06:00', '2026-11-30T22:00:00-06:00']);
      assert.deepEqual(worldBrief('night', '2026-11-30T05:00:00Z'), ['off', '2026-11-30T22:00:00-06:00', '2026-11-30T22:00:00-06:00']);
      assert.deepEqual(worldBrief('night', '2026-11-30T09:00:00Z'), ['off', '2026-11-30T22:00:00-06:00', '2026-11-30T22:00:00-06:00']);
      assert.deepEqual(worldBrief('night', '2026-12-01T09:00:00Z'), ['working', '2026-12-01T06:00:00-06:00', null]);
    });

    it('a shift running into an away day stops at midnight, and the away day ends it', () => {
      const { team } = soloTeam(['timezone: UTC', 'hours: "22:00-06:00"', 'away: [{ from: 2026-11-25, note: Dentist }]']);
      assert.deepEqual(brief(team, '2026-11-24T23:00:00Z'), ['working', '2026-11-25T00:00:00+00:00', null]);
      const s = memberState(team.members[0]!, team, at('2026-11-25T01:00:00Z'));
      // Wednesday's shift (starting on the away day) does not happen: back Thursday 22:00.
      assert.deepEqual([s.state, s.awayNote, s.until], ['away', 'Dentist', '2026-11-26T22:00:00+00:00']);
    });
  });

  describe('a Friday-Saturday weekend', () => {
    // dana: Asia/Dubai, Sun-Thu 08:00-16:00, away 2026-11-30..2026-12-03 (Conference)
    it('is off Thursday evening and Friday, back Sunday 08:00', () => {
      assert.deepEqual(worldBrief('dana', '2026-11-26T12:30:00Z'), ['off', '2026-11-29T08:00:00+04:00', '2026-11-29T08:00:00+04:00']);
      const friday = worldState('dana', '2026-11-27T06:00:00Z');
      assert.deepEqual([friday.state, friday.weekday, friday.until], ['off', 5, '2026-11-29T08:00:00+04:00']);
      assert.deepEqual(worldBrief('dana', '2026-11-29T06:00:00Z'), ['working', '2026-11-29T16:00:00+04:00', null]);
    });

    it('away Monday-Thursday: back after the weekend that follows, on Sunday', () => {
      const s = worldState('dana', '2026-11-30T06:00:00Z');
      assert.deepEqual(
        [s.state, s.awayKind, s.awayNote, s.until, s.nextOnline],
        ['away', 'away', 'Conference', '2026-12-06T08:00:00+04:00', '2026-12-06T08:00:00+04:00'],
      );
      // Sunday evening before the away days: off, and the next working start already skips them.
      assert.deepEqual(worldBrief('dana', '2026-11-29T16:00:00Z'), ['off', '2026-12-06T08:00:00+04:00', '2026-12-06T08:00:00+04:00']);
    });
  });

  describe('away ranges and holidays', () => {
    const { team } = soloTeam(
      ['timezone: UTC', 'holidays: X', 'away: [{ from: 2026-12-21, to: 2026-12-24, note: Skiing }]'],
      ['holidays: { X: [2026-12-25, 2026-12-28] }'],
    );

    it('until points to the first working start after the away days, holidays and weekend included', () => {
      // Away Mon 21 - Thu 24, holiday Fri 25, weekend, holiday Mon 28: back Tue 29 09:00.
      const s = memberState(team.members[0]!, team, at('2026-12-22T12:00:00Z'));
      assert.deepEqual(
        [s.state, s.awayKind, s.awayNote, s.until, s.nextOnline],
        ['away', 'away', 'Skiing', '2026-12-29T09:00:00+00:00', '2026-12-29T09:00:00+00:00'],
      );
      const holiday = memberState(team.members[0]!, team, at('2026-12-25T12:00:00Z'));
      assert.deepEqual([holiday.state, holiday.awayKind, holiday.awayNote, holiday.until], ['away', 'holiday', 'Holiday (X)', '2026-12-29T09:00:00+00:00']);
    });

    it('away covers whole local days, from midnight to midnight', () => {
      assert.deepEqual(brief(team, '2026-12-20T23:59:00Z'), ['off', '2026-12-29T09:00:00+00:00', '2026-12-29T09:00:00+00:00']);
      assert.equal(brief(team, '2026-12-21T00:00:00Z')[0], 'away');
      assert.equal(brief(team, '2026-12-28T23:59:00Z')[0], 'away');
      assert.deepEqual(brief(team, '2026-12-29T00:00:00Z'), ['off', '2026-12-29T09:00:00+00:00', '2026-12-29T09:00:00+00:00']);
    });

    it("away days are the member's local days, not UTC days", () => {
      const { team: tokyo } = soloTeam(['timezone: Asia/Tokyo', 'away: [{ from: 2026-12-21 }]']);
      assert.equal(brief(tokyo, '2026-12-20T15:00:00Z')[0], 'away'); // 00:00 Monday in Tokyo
      assert.equal(brief(tokyo, '2026-12-20T14:59:00Z')[0], 'off');
      assert.deepEqual(brief(tokyo, '2026-12-21T15:00:00Z'), ['off', '2026-12-22T09:00:00+09:00', '2026-12-22T09:00:00+09:00']);
    });
  });

  describe('focus blocks', () => {
    // 2026-11-23 is a Monday. Blocks at the start of hours, at the end (running past them), before
    // them, two touching blocks, and one on a Saturday (outside working days, still counts).
    const { team, problems } = (() => {
      const r = parseTeamFile(
        [
          'members:',
          '  - github: f',
          '    timezone: UTC',
          '    focus: ["Mon 09:00-11:00", "Mon 16:00-18:00", "Tue 07:00-09:30", "Wed 12:00-13:00", "Wed 13:00-14:00", "Sat 10:00-12:00"]',
        ].join('\n'),
        'team.yml',
      );
      return r;
    })();
    const f = (iso: string) => brief(team, iso);

    it('a block at the start of hours: off until it starts, focus until it ends, then working', () => {
      assert.deepEqual(f('2026-11-23T08:59:00Z'), ['off', '2026-11-23T09:00:00+00:00', '2026-11-23T09:00:00+00:00']);
      assert.deepEqual(f('2026-11-23T09:00:00Z'), ['focus', '2026-11-23T11:00:00+00:00', null]);
      assert.deepEqual(f('2026-11-23T11:00:00Z'), ['working', '2026-11-23T16:00:00+00:00', null]);
    });

    it('a block at the end of hours counts also after them, with the next working start as nextOnline', () => {
      assert.deepEqual(f('2026-11-23T16:00:00Z'), ['focus', '2026-11-23T18:00:00+00:00', null]);
      assert.deepEqual(f('2026-11-23T17:30:00Z'), ['focus', '2026-11-23T18:00:00+00:00', '2026-11-24T09:00:00+00:00']);
      // Off from 18:00 until the early Tuesday block, which starts before working time.
      assert.deepEqual(f('2026-11-23T18:00:00Z'), ['off', '2026-11-24T07:00:00+00:00', '2026-11-24T09:00:00+00:00']);
      assert.deepEqual(f('2026-11-24T07:00:00Z'), ['focus', '2026-11-24T09:30:00+00:00', '2026-11-24T09:00:00+00:00']);
      assert.deepEqual(f('2026-11-24T09:30:00Z'), ['working', '2026-11-24T17:00:00+00:00', null]);
    });

    it('touching blocks are one focus stretch', () => {
      assert.deepEqual(f('2026-11-25T12:30:00Z'), ['focus', '2026-11-25T14:00:00+00:00', null]);
      assert.deepEqual(f('2026-11-25T11:00:00Z'), ['working', '2026-11-25T12:00:00+00:00', null]);
    });

    it('a block on a day off counts, and the parser warns about it', () => {
      assert.deepEqual(f('2026-11-28T10:00:00Z'), ['focus', '2026-11-28T12:00:00+00:00', '2026-11-30T09:00:00+00:00']);
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, p.line]),
        [['focus-outside-hours', 'warning', 3]],
      );
      assert.equal(team.members.length, 1);
    });
  });

  describe('precedence: away > busy > focus > working > off', () => {
    // Monday 2026-11-23: focus 09:00-11:00 and 16:30-18:00, hours 09:00-17:00; away on Friday 2026-11-27 and the weekend after.
    const { team } = soloTeam([
      'timezone: UTC',
      'focus: ["Mon 09:00-11:00", "Mon 16:30-18:00", "Fri 09:00-11:00"]',
      'away: [{ from: 2026-11-27, to: 2026-11-29, note: Off sick }]',
    ]);
    const busy: GitHubStatus = { busy: true, emoji: ':no_entry:', message: 'Deep work', expiresAt: '2026-12-31T00:00:00Z' };
    const cases: [string, string, GitHubStatus | undefined, MemberState['state']][] = [
      ['away > busy', '2026-11-27T12:00:00Z', busy, 'away'],
      ['away > focus', '2026-11-27T10:00:00Z', undefined, 'away'],
      ['away > focus (busy too)', '2026-11-27T10:00:00Z', busy, 'away'],
      ['away > working', '2026-11-27T14:00:00Z', undefined, 'away'],
      ['away > off (weekend)', '2026-11-28T10:30:00Z', undefined, 'away'],
      ['busy > focus', '2026-11-23T10:00:00Z', busy, 'busy'],
      ['busy > working', '2026-11-23T12:00:00Z', busy, 'busy'],
      ['busy > off', '2026-11-23T20:00:00Z', busy, 'busy'],
      ['focus > working', '2026-11-23T10:00:00Z', undefined, 'focus'],
      ['focus > off (a block running past the end of hours)', '2026-11-23T17:30:00Z', { busy: false, message: 'Lunch' }, 'focus'],
      ['working > off', '2026-11-23T12:00:00Z', undefined, 'working'],
      ['off', '2026-11-23T20:00:00Z', undefined, 'off'],
    ];
    for (const [name, iso, status, expected] of cases) {
      it(name, () => assert.equal(memberState(team.members[0]!, team, at(iso), status).state, expected));
    }
  });

  describe('busy (GitHub limited availability)', () => {
    const { team } = soloTeam(['timezone: Europe/Berlin']);
    const member = team.members[0]!;

    it("with expiresAt: until the expiry, in the member's offset; nextOnline null inside hours", () => {
      const status = { busy: true, emoji: ':headphones:', message: 'Focusing', expiresAt: '2026-11-23T10:30:00Z' };
      const s = memberState(member, team, at('2026-11-23T09:00:00Z'), status);
      assert.deepEqual([s.state, s.until, s.nextOnline], ['busy', '2026-11-23T11:30:00+01:00', null]);
      assert.deepEqual(s.githubStatus, status);
      // Expired: back to the schedule.
      assert.equal(memberState(member, team, at('2026-11-23T10:30:00Z'), status).state, 'working');
    });

    it('without expiresAt: open-ended (until null); outside hours nextOnline is the next working start', () => {
      for (const expiresAt of [null, undefined]) {
        const s = memberState(member, team, at('2026-11-23T20:00:00Z'), { busy: true, expiresAt });
        assert.deepEqual([s.state, s.until, s.nextOnline], ['busy', null, '2026-11-24T09:00:00+01:00']);
      }
    });

    it('a status without limited availability is kept for tooltips but changes nothing', () => {
      const s = memberState(member, team, at('2026-11-23T09:00:00Z'), { busy: false, emoji: ':palm_tree:', message: 'Hi' });
      assert.equal(s.state, 'working');
      assert.equal(s.githubStatus?.message, 'Hi');
    });
  });

  describe('edge schedules', () => {
    it('round-the-clock hours run until the next away day', () => {
      const { team } = soloTeam(['timezone: UTC', 'hours: "00:00-24:00"', 'days: [Mon, Tue, Wed, Thu, Fri, Sat, Sun]', 'away: [{ from: 2026-12-01 }]']);
      assert.deepEqual(brief(team, '2026-11-24T12:00:00Z'), ['working', '2026-12-01T00:00:00+00:00', null]);
      assert.deepEqual(brief(team, '2026-12-01T12:00:00Z'), ['away', '2026-12-02T00:00:00+00:00', '2026-12-02T00:00:00+00:00']);
    });

    it('no working days: off, with no next online time', () => {
      const { team, problems } = parseTeamFile('members:\n  - github: x\n    timezone: UTC\n    days: []\n', 't.yml');
      assert.deepEqual(
        problems.map((p) => p.code),
        ['no-working-days'],
      );
      assert.deepEqual(brief(team, '2026-11-24T12:00:00Z'), ['off', null, null]);
    });
  });
});

describe('computeStates', () => {
  it('returns one state per member in file order, matching statuses case-insensitively', () => {
    const team = teamOf('members:', '  - github: Alice', '    timezone: Europe/Berlin', '  - github: bob', '    timezone: America/New_York');
    const states = computeStates(team, at('2026-11-23T14:00:00Z'), new Map([['ALICE', { busy: true, expiresAt: null }]]));
    assert.deepEqual(
      states.map((s) => [s.github, s.state, s.localTime]),
      [
        ['Alice', 'busy', '2026-11-23T15:00:00+01:00'],
        ['bob', 'working', '2026-11-23T09:00:00-05:00'],
      ],
    );
  });

  it('agrees with memberState for every member of the world fixture over a fortnight of hours', () => {
    for (let h = 0; h < 24 * 14; h += 7) {
      const when = new Date(Date.UTC(2026, 10, 20) + h * 3_600_000);
      const all = computeStates(world, when);
      world.members.forEach((m, i) => assert.deepEqual(all[i], memberState(m, world, when)));
      for (const s of all) {
        // Invariants: until is in the future (or null); nextOnline is null exactly when in working time.
        if (s.until) assert.ok(Date.parse(s.until) > when.getTime(), `${s.github} ${when.toISOString()}`);
        if (s.nextOnline) assert.ok(Date.parse(s.nextOnline) > when.getTime());
        if (s.state === 'working') assert.equal(s.nextOnline, null);
        if (s.state === 'off' || s.state === 'away') assert.notEqual(s.nextOnline, null, `${s.github} ${when.toISOString()}`);
      }
    }
  });
});
