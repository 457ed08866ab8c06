// Focus-session time arithmetic (pure): custom lengths, the end of your working day, countdown texts.
import assert from 'node:assert/strict';
import { countdownText, endFromArgs, endOfWorkingDay, endText, focusMessage, parseCustomLength, spokenDuration } from '../../../src/core/focus/focusTime';
import { parseTeamFile } from '../../../src/core/team';

const BERLIN = 'Europe/Berlin';
// Tue 24 Nov 2026, 14:00 in Berlin (UTC+1).
const NOW = Date.parse('2026-11-24T13:00:00Z');
const endsAt = (r: ReturnType<typeof parseCustomLength>) => {
  assert.ok('endsAt' in r, JSON.stringify(r));
  return r.endsAt;
};

describe('focus session time', () => {
  it('reads minutes, hours and end times typed by the user', () => {
    assert.equal(endsAt(parseCustomLength('45', NOW, BERLIN)), NOW + 45 * 60_000);
    assert.equal(endsAt(parseCustomLength('45 min', NOW, BERLIN)), NOW + 45 * 60_000);
    assert.equal(endsAt(parseCustomLength('1h30', NOW, BERLIN)), NOW + 90 * 60_000);
    assert.equal(endsAt(parseCustomLength('15:30', NOW, BERLIN)), Date.parse('2026-11-24T14:30:00Z'));
    // A time already passed today means tomorrow.
    assert.equal(endsAt(parseCustomLength('09:05', NOW, BERLIN)), Date.parse('2026-11-25T08:05:00Z'));
  });

  it('refuses what is not a length, too short or too long', () => {
    for (const bad of ['', 'soon', '25:00', '0', '25h', '1441']) assert.ok('error' in parseCustomLength(bad, NOW, BERLIN), bad);
  });

  it('resolves an end time across a DST change in the viewer zone', () => {
    // Sat 24 Oct 2026 23:00 Berlin (UTC+2); clocks go back at 03:00 on Sunday: 09:00 Sunday is UTC+1.
    const saturdayNight = Date.parse('2026-10-24T21:00:00Z');
    assert.equal(endsAt(parseCustomLength('09:00', saturdayNight, BERLIN)), Date.parse('2026-10-25T08:00:00Z'));
  });

  it('ends "until the end of my working day" at my hours, and offers nothing outside them', () => {
    const { team } = parseTeamFile('members:\n  - github: me\n    timezone: Europe/Berlin\n    hours: "09:00-17:30"\n', 't.yml');
    const me = team.members[0]!;
    assert.equal(endOfWorkingDay(me, team, NOW), Date.parse('2026-11-24T16:30:00Z'));
    assert.equal(endOfWorkingDay(me, team, Date.parse('2026-11-24T19:00:00Z')), null, 'after hours');
    assert.equal(endOfWorkingDay(undefined, undefined, NOW), null, 'no team-file entry');
  });

  it('takes command arguments and rejects bad ones with a message', () => {
    assert.equal(endFromArgs({ minutes: 25 }, NOW), NOW + 25 * 60_000);
    assert.equal(endFromArgs({ until: '2026-11-24T15:00:00Z' }, NOW), Date.parse('2026-11-24T15:00:00Z'));
    assert.throws(() => endFromArgs({ minutes: -1 }, NOW), /positive number/);
    assert.throws(() => endFromArgs({ until: '2026-11-24T12:00:00Z' }, NOW), /already passed/);
    assert.throws(() => endFromArgs({ until: 'tomorrow' }, NOW), /ISO 8601/);
  });

  it('says how long is left and until when', () => {
    assert.equal(countdownText(24 * 60_000 + 12_400), '24:13');
    assert.equal(countdownText(65 * 60_000), '1:05:00');
    assert.equal(countdownText(-5), '00:00');
    assert.equal(spokenDuration(65 * 60_000), '1 hour 5 minutes');
    assert.equal(spokenDuration(30_000), 'less than a minute');
    assert.equal(endText(Date.parse('2026-11-24T14:30:00Z'), NOW, BERLIN), '15:30');
    assert.equal(endText(Date.parse('2026-11-25T08:00:00Z'), NOW, BERLIN), '09:00 Wed');
    assert.equal(focusMessage(Date.parse('2026-11-24T14:30:00Z'), NOW, BERLIN), 'Focusing until 15:30 (Europe/Berlin)');
  });
});
