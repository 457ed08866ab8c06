// The computed parts of a working agreement: core hours from the team file (shared window in UTC and
// every member's zone, pairs when there is none, DST) and the response time of each lane.
import assert from 'node:assert/strict';
import { coreHoursText, responseTimesText, responseTimeText, windowText } from '../../../src/core/rituals';
import type { Team } from '../../../src/core/team';
import { teamOf } from '../team/helpers';

const member = (login: string, zone: string, ...fields: string[]) => [`  - github: ${login}`, `    timezone: ${zone}`, ...fields.map((f) => `    ${f}`)];
const core = (team: Team | null, date: string, zone = 'Europe/Berlin') => coreHoursText({ team, teamFile: '.github/team.yml', date, zone });
/** The table rows of a core hours text. */
const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| zone') && !l.startsWith('| who'));

describe('coreHoursText', () => {
  // Both work 09:00-17:00. The gap is 6 h, but 5 h while only the US is on summer time (2026-03-08..03-29).
  const berlinNewYork = teamOf(
    'members:',
    ...member('alice', 'Europe/Berlin', 'away: [{ from: 2026-11-01, to: 2026-11-30 }]'),
    ...member('bob', 'America/New_York'),
  );

  it('the shared window in UTC and in each zone, ignoring away days', () => {
    const text = core(berlinNewYork, '2026-11-20');
    assert.match(text, /^All 2 members work at the same time for 2 h a day:\n/);
    assert.deepEqual(rows(text), [
      '| UTC |  | Fri 14:00-16:00 |',
      '| Europe/Berlin | @alice | Fri 15:00-17:00 |',
      '| America/New_York | @bob | Fri 09:00-11:00 |',
    ]);
    assert.match(
      text,
      /_Computed from `\.github\/team\.yml` for the week from Fri 2026-11-20 \(Europe\/Berlin\); away days and holidays are left out\. Europe\/Berlin and America\/New_York change their clocks during the year, so around those dates these times move\._$/,
    );
  });

  it('in the weeks when only one side is on summer time, the window is an hour longer', () => {
    const text = core(berlinNewYork, '2026-03-09');
    assert.match(text, /for 3 h a day:/);
    assert.deepEqual(rows(text), [
      '| UTC |  | Mon 13:00-16:00 |',
      '| Europe/Berlin | @alice | Mon 14:00-17:00 |',
      '| America/New_York | @bob | Mon 09:00-12:00 |',
    ]);
  });

  it('on the day the clocks change (a Sunday of 25 hours), in the offsets after the change', () => {
    const sunday = teamOf('members:', ...member('alice', 'Europe/Berlin', 'days: [Sun]'), ...member('utc', 'UTC', 'hours: "00:00-24:00"', 'days: [Sun]'));
    assert.deepEqual(rows(core(sunday, '2026-10-25')), ['| UTC | @utc | Sun 08:00-16:00 |', '| Europe/Berlin | @alice | Sun 09:00-17:00 |']);
    assert.deepEqual(rows(core(sunday, '2026-10-18')), ['| UTC | @utc | Sun 07:00-15:00 |', '| Europe/Berlin | @alice | Sun 09:00-17:00 |']);
  });

  it('the next day everyone works: a Sunday-to-Thursday week meets a Monday-to-Friday one', () => {
    const team = teamOf(
      'members:',
      ...member('dana', 'Asia/Dubai', 'hours: "08:00-16:00"', 'days: [Sun, Mon, Tue, Wed, Thu]'),
      ...member('alice', 'Europe/Berlin'),
    );
    const text = core(team, '2026-11-20'); // a Friday
    assert.deepEqual(rows(text), ['| UTC |  | Mon 08:00-12:00 |', '| Asia/Dubai | @dana | Mon 12:00-16:00 |', '| Europe/Berlin | @alice | Mon 09:00-13:00 |']);
    assert.match(text, /for the week from Mon 2026-11-23 \(Europe\/Berlin\)/);
    assert.match(text, / Europe\/Berlin changes its clocks/);
  });

  it('across the date line each zone shows its own weekday, and a window over midnight shows both days', () => {
    const team = teamOf(
      'members:',
      ...member('kiri', 'Pacific/Auckland', 'hours: "08:00-12:00"'),
      ...member('sam', 'America/Los_Angeles', 'hours: "10:00-16:00"'),
    );
    assert.deepEqual(rows(core(team, '2026-11-23', 'America/Los_Angeles')), [
      '| UTC |  | Mon 19:00-23:00 |',
      '| Pacific/Auckland | @kiri | Tue 08:00-12:00 |',
      '| America/Los_Angeles | @sam | Mon 11:00-15:00 |',
    ]);
    assert.equal(windowText([Date.parse('2026-11-23T22:00:00Z'), Date.parse('2026-11-24T01:00:00Z')], 'UTC'), 'Mon 22:00-Tue 01:00');
    assert.equal(windowText([Date.parse('2026-11-23T22:00:00Z'), Date.parse('2026-11-24T00:00:00Z')], 'UTC'), 'Mon 22:00-24:00');
  });

  it('no shared time: says so and shows the longest window of each pair, then the pairs that never meet', () => {
    const team = teamOf(
      'members:',
      ...member('alice', 'Europe/Berlin', 'hours: "09:00-17:30"'),
      ...member('bob', 'America/New_York', 'hours: "08:30-17:00"'),
      ...member('carol', 'Asia/Kathmandu', 'hours: "10:00-18:00"'),
    );
    const text = core(team, '2026-11-23');
    assert.match(text, /^There is no time when all 3 members work at the same time\.\n\nWhen two members work at the same time:\n/);
    assert.deepEqual(rows(text), [
      '| @alice + @carol | Mon 08:00-12:15 (4 h 15 min) | @alice Mon 09:00-13:15 Europe/Berlin; @carol Mon 13:45-18:00 Asia/Kathmandu |',
      '| @alice + @bob | Mon 13:30-16:30 (3 h) | @alice Mon 14:30-17:30 Europe/Berlin; @bob Mon 08:30-11:30 America/New_York |',
    ]);
    assert.match(text, /\nNever at the same time: @bob \+ @carol\.\n/);
  });

  it('nobody overlaps with anybody', () => {
    const team = teamOf(
      'members:',
      ...member('a', 'UTC', 'hours: "00:00-08:00"'),
      ...member('b', 'UTC', 'hours: "08:00-16:00"'),
      ...member('c', 'UTC', 'hours: "16:00-24:00"'),
    );
    assert.match(core(team, '2026-11-23'), /members work at the same time\.\n\nNo two members work at the same time either\.\n\n_Computed/);
  });

  it('a large team shows the ten longest pair windows and counts the rest', () => {
    const zones = [
      'UTC',
      'Asia/Tokyo',
      'America/Chicago',
      'Asia/Kolkata',
      'Europe/London',
      'Australia/Sydney',
      'America/Denver',
      'Asia/Dubai',
      'Pacific/Honolulu',
      'Europe/Moscow',
      'America/Sao_Paulo',
      'Asia/Singapore',
    ];
    const team = teamOf('members:', ...zones.flatMap((z, i) => member(`m${i}`, z)));
    const text = core(team, '2026-11-23');
    assert.match(text, /The 10 longest windows of two members \(of \d+ pairs that overlap\):/);
    assert.equal(rows(text).length, 10);
    assert.match(text, /Never at the same time: .* and \d+ more pairs\./);
  });

  it('one member, no members, no team file', () => {
    assert.match(
      core(teamOf('members:', ...member('solo', 'Asia/Kathmandu')), '2026-11-23'),
      /^@solo is the only member in the team file, so these are their working hours \(8 h a day\):/,
    );
    assert.match(core(teamOf('team: X', 'members: []'), '2026-11-23'), /^_`\.github\/team\.yml` lists no members yet\. Add teammates/);
    assert.match(core(null, '2026-11-23'), /^_No team file \(`\.github\/team\.yml`\) yet\./);
    const noDst = core(teamOf('members:', ...member('solo', 'Asia/Kathmandu')), '2026-11-23');
    assert.doesNotMatch(noDst, /clocks/, 'no clock-change note for zones without DST');
  });
});

describe('responseTimesText', () => {
  it('the two lanes from the team file, and what to add when one is missing', () => {
    const text = responseTimesText(teamOf('responseTimes: { urgent: 15m }', 'members: []'), '.github/team.yml');
    assert.deepEqual(text.split('\n').slice(2, 4), [
      '| urgent | 15 minutes | |',
      '| standard | not set: add `standard: 24h` under `responseTimes` in `.github/team.yml` | |',
    ]);
    assert.match(responseTimesText(null, '.github/team.yml'), /\| urgent \| not set/);
  });

  it('durations in words', () => {
    const cases: [number, string][] = [
      [1, '1 minute'],
      [15, '15 minutes'],
      [60, '1 hour'],
      [90, '1 h 30 min'],
      [1440, '24 hours'],
      [2880, '2 days'],
      [4320, '3 days'],
      [2940, '49 hours'],
    ];
    for (const [minutes, text] of cases) assert.equal(responseTimeText(minutes), text, String(minutes));
  });
});
