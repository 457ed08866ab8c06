// Carry-over in the author's own calendar: previous working day (weekends, holidays, away days, other
// weekends), pre-fill, and blocker ages; and the local date in two zones at one UTC instant.
import assert from 'node:assert/strict';
import { blockerAges, normalizeBlocker, prefillDraft, previousWorkingDay, standupDate, teamDigestDay } from '../../../src/core/standups';
import { parseTeamFile } from '../../../src/core/team';
import { soloTeam, teamOf } from '../team/helpers';
import { historyOf, lines, standup } from './helpers';

// November 2026: Mon 16 ... Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25, Thu 26 (US holiday), Fri 27.
describe('teamDigestDay', () => {
  const team = parseTeamFile(
    lines(
      'holidays: { DE: [2026-12-24, 2026-12-25], US: [2026-12-25] }',
      'members:',
      '  - { github: a, timezone: Europe/Berlin, holidays: DE }',
      '  - { github: b, timezone: America/New_York, holidays: US, away: [{ from: 2026-12-28, to: 2027-01-08 }] }',
      '  - { github: c, timezone: Asia/Dubai, days: [Sun, Mon, Tue, Wed, Thu] }',
    ),
    'team.yml',
  ).team;
  const weekdays = parseTeamFile(lines('members:', '  - { github: a, timezone: UTC }'), 'team.yml').team;

  it('a day someone works is the day itself', () => {
    assert.equal(teamDigestDay('2026-11-24', weekdays), '2026-11-24');
    assert.equal(teamDigestDay('2026-11-22', team), '2026-11-22', 'c works on Sundays');
    assert.equal(teamDigestDay('2026-12-24', team), '2026-12-24', 'b works on Christmas Eve');
  });

  it('a weekend or team-wide holiday opens on the last day someone works', () => {
    assert.equal(teamDigestDay('2026-11-22', weekdays), '2026-11-20'); // Sun -> Fri
    assert.equal(teamDigestDay('2026-11-21', weekdays), '2026-11-20'); // Sat -> Fri
    assert.equal(teamDigestDay('2026-12-26', team), '2026-12-24', 'Sat 26 Dec: the 25th is a holiday for a and b, c is off on Fridays');
    assert.equal(teamDigestDay('2028-03-04', weekdays), '2028-03-03', 'Sat after a leap day week');
  });

  it('without a team, with nobody in it, or with nobody working for a fortnight: the day itself', () => {
    assert.equal(teamDigestDay('2026-11-22', undefined), '2026-11-22');
    assert.equal(teamDigestDay('2026-11-22', parseTeamFile(lines('members: []'), 'team.yml').team), '2026-11-22');
    const away = parseTeamFile(lines('members:', '  - { github: a, timezone: UTC, away: [{ from: 2026-11-01, to: 2026-12-31 }] }'), 'team.yml').team;
    assert.equal(teamDigestDay('2026-12-06', away), '2026-12-06');
    assert.equal(teamDigestDay('not a date', weekdays), 'not a date');
  });
});

describe('previousWorkingDay', () => {
  it('without a member: Mon–Fri', () => {
    assert.equal(previousWorkingDay('2026-11-24'), '2026-11-23');
    assert.equal(previousWorkingDay('2026-11-23'), '2026-11-20');
    assert.equal(previousWorkingDay('2026-11-22'), '2026-11-20');
    assert.equal(previousWorkingDay('2026-11-21'), '2026-11-20');
    assert.equal(previousWorkingDay('2027-01-01'), '2026-12-31');
    assert.equal(previousWorkingDay('2026-02-30'), '');
    assert.equal(previousWorkingDay('yesterday'), '');
  });

  it("the member's working days: a Sun–Thu week", () => {
    const { team, member } = soloTeam(['timezone: Asia/Dubai', 'days: [Sun, Mon, Tue, Wed, Thu]']);
    assert.equal(previousWorkingDay('2026-11-22', member, team), '2026-11-19'); // Sun -> Thu
    assert.equal(previousWorkingDay('2026-11-23', member, team), '2026-11-22'); // Mon -> Sun
  });

  it('skips holidays of their calendars and away ranges', () => {
    const { team, member } = soloTeam(
      ['timezone: Europe/Berlin', 'holidays: DE', 'away: [{ from: 2026-11-18, to: 2026-11-20 }]'],
      ['holidays: { DE: [2026-12-24, 2026-12-25] }'],
    );
    assert.equal(previousWorkingDay('2026-12-28', member, team), '2026-12-23');
    assert.equal(previousWorkingDay('2026-11-23', member, team), '2026-11-17');
    assert.equal(previousWorkingDay('2026-11-19', member, team), '2026-11-17');
  });

  it('a member without working days has none', () => {
    const { team, problems } = parseTeamFile(lines('members:', '  - github: m', '    timezone: UTC', '    days: []'), 'team.yml');
    assert.deepEqual(
      problems.map((p) => p.code),
      ['no-working-days'],
    );
    assert.equal(previousWorkingDay('2026-11-23', team.members[0], team), '');
  });
});

describe('standupDate and time zones', () => {
  const team = teamOf('members:', '  - github: kiri', '    timezone: Pacific/Auckland', '  - github: lou', '    timezone: America/Los_Angeles');
  const [kiri, lou] = team.members as [(typeof team.members)[0], (typeof team.members)[0]];

  it('one UTC instant, two local dates, two previous working days', () => {
    const now = new Date('2026-11-23T19:30:00Z'); // Auckland Tue 08:30 (+13), Los Angeles Mon 11:30 (-8)
    assert.equal(standupDate(now, kiri), '2026-11-24');
    assert.equal(standupDate(now, lou), '2026-11-23');
    assert.equal(previousWorkingDay(standupDate(now, kiri), kiri, team), '2026-11-23');
    assert.equal(previousWorkingDay(standupDate(now, lou), lou, team), '2026-11-20');
  });

  it("pre-fill follows each one's calendar: Auckland continues from Monday, Los Angeles from Friday", () => {
    const now = new Date('2026-11-23T19:30:00Z');
    const kiriHistory = historyOf(standup('kiri', '2026-11-20', { next: ['Friday plan'] }), standup('kiri', '2026-11-23', { next: ['Monday plan'] }));
    const louHistory = historyOf(standup('lou', '2026-11-20', { next: ['Friday plan'] }));
    assert.deepEqual(prefillDraft(standupDate(now, kiri), kiriHistory, kiri, team), {
      draft: { done: ['Monday plan'], next: [], blockers: [], notes: '' },
      from: '2026-11-23',
    });
    assert.deepEqual(prefillDraft(standupDate(now, lou), louHistory, lou, team), {
      draft: { done: ['Friday plan'], next: [], blockers: [], notes: '' },
      from: '2026-11-20',
    });
  });
});

describe('prefillDraft', () => {
  const friday = standup('alice', '2026-11-20', {
    done: ['Shipped'],
    next: ['Review the PR', 'Write the record'],
    blockers: ['- [ ] Credentials from @carol', '- [x] Access to the board', '- Plain is open'],
  });

  it('Friday -> Monday: Done from Next, open blockers carried, ticked ones not', () => {
    assert.deepEqual(prefillDraft('2026-11-23', historyOf(friday)), {
      draft: {
        done: ['Review the PR', 'Write the record'],
        next: [],
        blockers: [
          { text: 'Credentials from @carol', checked: false },
          { text: 'Plain is open', checked: false },
        ],
        notes: '',
      },
      from: '2026-11-20',
    });
  });

  it('the previous working day wins over a more recent weekend standup', () => {
    const saturday = standup('alice', '2026-11-21', { next: ['Weekend thought'] });
    assert.equal(prefillDraft('2026-11-23', historyOf(friday, saturday)).from, '2026-11-20');
  });

  it('no standup on the previous working day: the most recent one within 14 days', () => {
    const saturday = standup('alice', '2026-11-21', { next: ['Weekend thought'] });
    const wednesday = standup('alice', '2026-11-18', { next: ['Wednesday plan'] });
    assert.deepEqual(prefillDraft('2026-11-23', historyOf(wednesday, saturday)).draft.done, ['Weekend thought']);
    assert.equal(prefillDraft('2026-11-23', historyOf(wednesday)).from, '2026-11-18');
    assert.equal(prefillDraft('2026-12-02', historyOf(wednesday)).from, '2026-11-18'); // 14 days before
    assert.deepEqual(prefillDraft('2026-12-03', historyOf(wednesday)), { draft: { done: [], next: [], blockers: [], notes: '' }, from: null });
  });

  it('across a holiday: the day before it', () => {
    const { team, member } = soloTeam(['timezone: America/New_York', 'holidays: US'], ['holidays: { US: [2026-11-26, 2026-11-27] }']);
    const wednesday = standup('m', '2026-11-25', { next: ['After Thanksgiving'] });
    assert.deepEqual(prefillDraft('2026-11-30', historyOf(wednesday), member, team), {
      draft: { done: ['After Thanksgiving'], next: [], blockers: [], notes: '' },
      from: '2026-11-25',
    });
  });
});

describe('blockerAges', () => {
  const day = (date: string, ...blockers: string[]) => standup('alice', date, { blockers });
  const ages = (date: string, ...days: ReturnType<typeof day>[]) => {
    const today = days.find((d) => d.date === date)!;
    return blockerAges(date, today.blockers, historyOf(...days));
  };

  it('consecutive working days count up; a new blocker is 0', () => {
    assert.deepEqual(ages('2026-11-18', day('2026-11-16', '- [ ] A'), day('2026-11-17', '- [ ] A'), day('2026-11-18', '- [ ] A', '- [ ] B')), [
      { text: 'A', since: '2026-11-16', openWorkdays: 2 },
      { text: 'B', since: '2026-11-18', openWorkdays: 0 },
    ]);
  });

  it('a weekend does not reset; only open blockers of the day are aged', () => {
    assert.deepEqual(ages('2026-11-23', day('2026-11-19', '- [ ] A'), day('2026-11-20', '- [ ] A'), day('2026-11-23', '- [ ] A', '- [x] C')), [
      { text: 'A', since: '2026-11-19', openWorkdays: 2 },
    ]);
  });

  it('ticking resets; so does a working day without a standup', () => {
    assert.deepEqual(ages('2026-11-18', day('2026-11-16', '- [ ] A'), day('2026-11-17', '- [x] A'), day('2026-11-18', '- [ ] A')), [
      { text: 'A', since: '2026-11-18', openWorkdays: 0 },
    ]);
    assert.deepEqual(ages('2026-11-18', day('2026-11-16', '- [ ] A'), day('2026-11-18', '- [ ] A')), [{ text: 'A', since: '2026-11-18', openWorkdays: 0 }]);
  });

  it('text is compared trimmed, with spaces collapsed, in any case', () => {
    assert.equal(normalizeBlocker('  Waiting   for Creds\tfrom @Carol '), 'waiting for creds from @carol');
    assert.deepEqual(ages('2026-11-17', day('2026-11-16', '- [ ] waiting for creds   from @carol'), day('2026-11-17', '- [ ] Waiting for Creds from @Carol')), [
      { text: 'Waiting for Creds from @Carol', since: '2026-11-16', openWorkdays: 1 },
    ]);
  });

  it("over the author's holidays and away days", () => {
    const { team, member } = soloTeam(['timezone: Europe/Berlin', 'holidays: X'], ['holidays: { X: [2026-11-17] }']);
    const history = historyOf(day('2026-11-16', '- [ ] A'), day('2026-11-18', '- [ ] A'));
    assert.deepEqual(blockerAges('2026-11-18', history('2026-11-18')!.blockers, history, member, team), [{ text: 'A', since: '2026-11-16', openWorkdays: 1 }]);
    // Without the calendar, Tuesday is a working day without a standup: the run is broken.
    assert.deepEqual(blockerAges('2026-11-18', history('2026-11-18')!.blockers, history), [{ text: 'A', since: '2026-11-18', openWorkdays: 0 }]);
  });
});
