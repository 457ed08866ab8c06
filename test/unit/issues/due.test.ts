// Due dates in the owner's day: presets across DST changes, a Friday–Saturday weekend, holidays, away
// days, 30- and 45-minute zones, night shifts, and owners ahead of or behind the viewer across
// midnight. Expected instants are written out by hand and checked against luxon (the test oracle).
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { dueLine, resolveDue, type ResolvedDue } from '../../../src/core/issues';
import type { Member } from '../../../src/core/team';
import { teamOf } from '../team/helpers';

const team = teamOf(
  'team: Due',
  'holidays:',
  '  DE: [2026-12-24, 2026-12-25, 2026-12-26]',
  'members:',
  '  - github: alice',
  '    timezone: Europe/Berlin',
  '    hours: "09:00-17:30"',
  '    holidays: DE',
  '    away: [{ from: 2026-12-28, to: 2027-01-01, note: Winter holiday }]',
  '  - github: dana',
  '    timezone: Asia/Dubai',
  '    hours: "08:00-16:00"',
  '    days: [Sun, Mon, Tue, Wed, Thu]',
  '  - github: carol',
  '    timezone: Asia/Kathmandu',
  '    hours: "10:00-18:00"',
  '  - github: ravi',
  '    timezone: Asia/Kolkata',
  '    hours: "09:30-18:30"',
  '  - github: lhi',
  '    timezone: Australia/Lord_Howe',
  '  - github: chat',
  '    timezone: Pacific/Chatham',
  '  - github: bob',
  '    timezone: America/Los_Angeles',
  '    hours: "08:00-16:30"',
  '  - github: night',
  '    timezone: America/Chicago',
  '    hours: "22:00-06:00"',
);
const member = (login: string): Member => team.members.find((m) => m.github === login)!;

/** Resolves and fails the test on an error. */
function due(spec: string, now: string, login: string | undefined, fallbackZone = 'UTC'): ResolvedDue {
  const r = resolveDue(spec, new Date(now), login ? member(login) : undefined, team, fallbackZone);
  if ('error' in r) assert.fail(`${spec} at ${now} for ${login}: ${r.error}`);
  // The oracle: the instant is that local wall time in the zone, as luxon reads it.
  const local = DateTime.fromISO(`${r.date}T${r.time}`, { zone: r.zone });
  assert.equal(local.toMillis(), Date.parse(r.at), `${r.at} vs luxon ${local.toISO()}`);
  assert.equal(local.toFormat('ZZ'), r.at.slice(19), `${r.at}: offset`);
  assert.equal(local.toFormat('ccc'), r.weekday);
  return r;
}

/** '2026-11-24 (Tue) 17:30 +01:00, end of day' */
const short = (r: ResolvedDue) => `${r.date} (${r.weekday}) ${r.time} ${r.at.slice(19)}, ${r.rule}`;

describe('resolveDue', () => {
  it("the issue's due line, exactly", () => {
    const r = due('end-of-day', '2026-11-26T08:00:00Z', 'alice');
    assert.deepEqual(r, { date: '2026-11-26', at: '2026-11-26T17:30:00+01:00', zone: 'Europe/Berlin', weekday: 'Thu', time: '17:30', rule: 'end of day' });
    assert.equal(dueLine(r, 'alice'), 'Due: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day for @alice');
    assert.equal(dueLine(r, '@alice'), 'Due: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day for @alice');
    assert.equal(dueLine(r, undefined), 'Due: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day');
    // Whatever chose the date, the time is the end of their day, and the line says so.
    const chosen = due('2026-11-27', '2026-11-26T08:00:00Z', 'alice');
    assert.equal(chosen.rule, 'chosen date');
    assert.equal(dueLine(chosen, 'alice'), 'Due: 2026-11-27 (Fri) 17:30 Europe/Berlin, end of day for @alice');
  });

  it('end of day: the working day now, else the next one (said so)', () => {
    assert.equal(short(due('end-of-day', '2026-11-24T06:00:00Z', 'alice')), '2026-11-24 (Tue) 17:30 +01:00, end of day'); // 07:00, before work
    assert.equal(short(due('end-of-day', '2026-11-24T17:00:00Z', 'alice')), '2026-11-25 (Wed) 17:30 +01:00, end of next working day'); // 18:00
    assert.equal(short(due('end-of-day', '2026-11-28T12:00:00Z', 'alice')), '2026-11-30 (Mon) 17:30 +01:00, end of next working day'); // Saturday
    assert.equal(short(due('+0 workdays', '2026-11-24T06:00:00Z', 'alice')), '2026-11-24 (Tue) 17:30 +01:00, end of day');
  });

  it('+N workdays skip weekends, holidays and away days', () => {
    assert.equal(short(due('+1 workday', '2026-11-24T10:00:00Z', 'alice')), '2026-11-25 (Wed) 17:30 +01:00, +1 workday');
    assert.equal(short(due('+3 workdays', '2026-11-26T10:00:00Z', 'alice')), '2026-12-01 (Tue) 17:30 +01:00, +3 workdays');
    assert.equal(short(due('+5 workdays', '2026-11-24T10:00:00Z', 'alice')), '2026-12-01 (Tue) 17:30 +01:00, +5 workdays');
    // Thu 24 and Fri 25 are DE holidays, 28 Dec – 1 Jan she is away.
    assert.equal(short(due('+1 workday', '2026-12-23T10:00:00Z', 'alice')), '2027-01-04 (Mon) 17:30 +01:00, +1 workday');
    assert.equal(short(due('+2 workdays', '2026-12-23T10:00:00Z', 'alice')), '2027-01-05 (Tue) 17:30 +01:00, +2 workdays');
  });

  it('across DST: the end of their day in the offset of that day', () => {
    // Berlin springs forward on Sun 29 March 2026 and falls back on Sun 25 October 2026.
    assert.equal(short(due('+3 workdays', '2026-03-26T10:00:00Z', 'alice')), '2026-03-31 (Tue) 17:30 +02:00, +3 workdays');
    assert.equal(short(due('+1 workday', '2026-10-23T10:00:00Z', 'alice')), '2026-10-26 (Mon) 17:30 +01:00, +1 workday');
    // Lord Howe moves half an hour (+10:30 -> +11:00) on Sun 4 October 2026.
    assert.equal(short(due('+2 workdays', '2026-10-01T00:00:00Z', 'lhi')), '2026-10-05 (Mon) 17:00 +11:00, +2 workdays');
    assert.equal(short(due('end-of-day', '2026-10-01T00:00:00Z', 'lhi')), '2026-10-01 (Thu) 17:00 +10:30, end of day');
    // Los Angeles falls back on Sun 1 November 2026.
    assert.equal(short(due('friday', '2026-10-28T18:00:00Z', 'bob')), '2026-10-30 (Fri) 16:30 -07:00, Friday end of day');
    assert.equal(short(due('+3 workdays', '2026-10-29T18:00:00Z', 'bob')), '2026-11-03 (Tue) 16:30 -08:00, +3 workdays');
  });

  it('Friday: their last working day of the week when Friday is not one', () => {
    assert.equal(short(due('friday', '2026-11-24T10:00:00Z', 'alice')), '2026-11-27 (Fri) 17:30 +01:00, Friday end of day');
    // Friday and Thursday are holidays: Wednesday is the end of her week.
    assert.equal(short(due('friday', '2026-12-23T10:00:00Z', 'alice')), '2026-12-23 (Wed) 17:30 +01:00, end of their working week');
    // Past Friday's end: next week's Friday.
    assert.equal(short(due('friday', '2026-11-27T17:00:00Z', 'alice')), '2026-12-04 (Fri) 17:30 +01:00, Friday end of day');
    // Dubai works Sunday to Thursday.
    assert.equal(short(due('friday', '2026-11-25T06:00:00Z', 'dana')), '2026-11-26 (Thu) 16:00 +04:00, end of their working week');
    assert.equal(short(due('friday', '2026-11-27T06:00:00Z', 'dana')), '2026-12-03 (Thu) 16:00 +04:00, end of their working week'); // on their Friday off
    assert.equal(short(due('friday', '2026-11-29T06:00:00Z', 'dana')), '2026-12-03 (Thu) 16:00 +04:00, end of their working week'); // Sunday: their week's start
  });

  it('a Friday–Saturday weekend: workdays and end of day skip it', () => {
    assert.equal(short(due('+2 workdays', '2026-11-25T06:00:00Z', 'dana')), '2026-11-29 (Sun) 16:00 +04:00, +2 workdays');
    assert.equal(short(due('end-of-day', '2026-11-27T06:00:00Z', 'dana')), '2026-11-29 (Sun) 16:00 +04:00, end of next working day');
  });

  it('30- and 45-minute zones', () => {
    assert.equal(due('end-of-day', '2026-11-24T10:00:00Z', 'carol').at, '2026-11-24T18:00:00+05:45');
    assert.equal(due('end-of-day', '2026-11-24T10:00:00Z', 'ravi').at, '2026-11-24T18:30:00+05:30');
    // 23:45 on Tuesday in Chatham (+13:45): the next working day is Wednesday.
    assert.equal(due('+1 workday', '2026-11-24T10:00:00Z', 'chat').at, '2026-11-25T17:00:00+13:45');
  });

  it('owner ahead of the viewer, across midnight: their today, not ours', () => {
    // 11:00Z: Wednesday 00:45 in Chatham, Tuesday 03:00 in Los Angeles.
    const now = '2026-11-24T11:00:00Z';
    assert.equal(short(due('end-of-day', now, 'chat')), '2026-11-25 (Wed) 17:00 +13:45, end of day');
    assert.equal(short(due('end-of-day', now, undefined, 'America/Los_Angeles')), '2026-11-24 (Tue) 17:00 -08:00, end of day');
    assert.equal(short(due('friday', now, 'chat')), '2026-11-27 (Fri) 17:00 +13:45, Friday end of day');
  });

  it('owner behind the viewer, across midnight', () => {
    // 20:00Z: Wednesday 01:45 in Kathmandu (the viewer), Tuesday 12:00 in Los Angeles.
    const now = '2026-11-24T20:00:00Z';
    assert.equal(short(due('end-of-day', now, 'bob')), '2026-11-24 (Tue) 16:30 -08:00, end of day');
    assert.equal(short(due('end-of-day', now, undefined, 'Asia/Kathmandu')), '2026-11-25 (Wed) 17:00 +05:45, end of day');
    assert.equal(short(due('+1 workday', now, 'bob')), '2026-11-25 (Wed) 16:30 -08:00, +1 workday');
  });

  it('night shifts: the working day is the one the shift started on', () => {
    // 04:00 Tuesday in Chicago, inside Monday's 22:00-06:00 shift.
    const now = '2026-11-24T10:00:00Z';
    assert.equal(short(due('end-of-day', now, 'night')), '2026-11-24 (Tue) 06:00 -06:00, end of day');
    assert.equal(short(due('+1 workday', now, 'night')), '2026-11-25 (Wed) 06:00 -06:00, +1 workday');
  });

  it('a chosen date: the end of their day; a warning when it is not a working day', () => {
    const r = due('2026-12-01', '2026-11-24T10:00:00Z', 'alice');
    assert.deepEqual(r, { date: '2026-12-01', at: '2026-12-01T17:30:00+01:00', zone: 'Europe/Berlin', weekday: 'Tue', time: '17:30', rule: 'chosen date' });
    assert.equal(due('2026-11-28', '2026-11-24T10:00:00Z', 'alice').warning, 'Sat 2026-11-28 is not a working day for @alice.');
    assert.equal(due('2026-12-24', '2026-11-24T10:00:00Z', 'alice').warning, '@alice is away on Thu 2026-12-24: Holiday (DE).');
    assert.equal(due('2026-12-29', '2026-11-24T10:00:00Z', 'alice').warning, '@alice is away on Tue 2026-12-29: Winter holiday.');
    assert.equal(due('2026-11-24', '2026-11-24T10:00:00Z', 'alice').time, '17:30'); // today, not ended yet
  });

  it('+N days are calendar days, with a warning off their working days', () => {
    const r = due('+2 days', '2026-11-26T10:00:00Z', 'alice');
    assert.equal(short(r), '2026-11-28 (Sat) 17:30 +01:00, +2 days');
    assert.equal(r.warning, 'Sat 2026-11-28 is not a working day for @alice.');
    assert.equal(due('+1 day', '2026-11-24T10:00:00Z', 'alice').warning, undefined);
  });

  it('no owner: the fallback zone with 09:00-17:00, Monday to Friday', () => {
    assert.equal(short(due('end-of-day', '2026-11-24T10:00:00Z', undefined, 'Asia/Kolkata')), '2026-11-24 (Tue) 17:00 +05:30, end of day');
    assert.equal(short(due('friday', '2026-11-24T10:00:00Z', undefined, 'Asia/Kolkata')), '2026-11-27 (Fri) 17:00 +05:30, Friday end of day');
    assert.equal(due('2026-11-28', '2026-11-24T10:00:00Z', undefined, 'UTC').warning, 'Sat 2026-11-28 is not a working day for you.');
  });

  it('errors, never exceptions, for what cannot be resolved', () => {
    const error = (spec: string, owner?: Member, zone = 'UTC') => {
      const r = resolveDue(spec, new Date('2026-11-24T10:00:00Z'), owner, team, zone);
      assert.ok('error' in r, `${spec}: ${JSON.stringify(r)}`);
      return r.error;
    };
    assert.match(error('next week'), /"next week" is not a due date: use end-of-day, \+1 workday, \+2 workdays, \+3 workdays, friday/);
    assert.match(error('2026-11-20', member('alice')), /2026-11-20 has already ended in Europe\/Berlin, @alice's zone/);
    // Already 23:45 in Chatham: its 24 November has ended there, though not in Europe.
    assert.match(error('2026-11-24', member('chat')), /2026-11-24 has already ended in Pacific\/Chatham, @chat's zone/);
    assert.match(error('2026-02-30'), /2026-02-30 is not a calendar date/);
    assert.match(error('end-of-day', undefined, 'Mars/Base'), /"Mars\/Base" is not a time zone/);
    assert.match(error('end-of-day', { ...member('alice'), days: [] }), /@alice has no working days/);
    assert.match(
      error('+1 workday', { ...member('alice'), away: [{ from: '2026-01-01', to: '2030-12-31' }] }),
      /@alice has no working day in the next 1000 days/,
    );
  });
});
