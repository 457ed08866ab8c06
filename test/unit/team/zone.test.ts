// The memoised zone arithmetic agrees with luxon, except where we decide DST gaps and repeats on
// purpose (first moment the clock shows a time); and the small formatting helpers.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { formatClock, formatDuration, formatOffsetDifference, isValidZone, spanText } from '../../../src/core/team';
import { dayNumber, isoDate, isoWithOffset, weekdayOf, zoneClock } from '../../../src/core/team/zone';
import { prng } from '../decisions/helpers';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Tehran',
  'Africa/Casablanca',
  'UTC',
  'America/St_Johns',
  'Australia/Eucla',
];

describe('zone arithmetic', () => {
  it('wall time -> instant agrees with luxon on 2,000 random times that are neither skipped nor repeated', () => {
    const rand = prng(4242);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const zone = ZONES[Math.floor(rand() * ZONES.length)]!;
      const day = dayNumber('2020-01-01')! + Math.floor(rand() * 3650);
      const minutes = Math.floor(rand() * 1440);
      const d = new Date(day * 86_400_000);
      const dt = DateTime.fromObject(
        { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor(minutes / 60), minute: minutes % 60 },
        { zone },
      );
      // Skip the times a DST change makes ambiguous: the same wall time exists at another offset, or not at all.
      const other = [dt.minus({ hours: 3 }).offset, dt.plus({ hours: 3 }).offset].find((o) => o !== dt.offset);
      if (other !== undefined) continue;
      const r = zoneClock(zone).at(day, minutes);
      assert.equal(r.ts, dt.toMillis(), `${zone} ${isoDate(day)} ${minutes}`);
      assert.equal(r.offset, dt.offset);
      checked++;
    }
    assert.ok(checked > 1950);
  });

  it('offsets agree with luxon through a year of DST changes', () => {
    for (const zone of ZONES) {
      const clock = zoneClock(zone);
      for (let ts = Date.UTC(2026, 0, 1); ts < Date.UTC(2027, 0, 1); ts += 9 * 3_600_000 + 7 * 60_000) {
        assert.equal(clock.offset(ts), DateTime.fromMillis(ts, { zone }).offset, `${zone} ${new Date(ts).toISOString()}`);
      }
    }
  });

  it('day numbers, weekdays and ISO text', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(weekdayOf(0), 4); // Thursday
    assert.equal(weekdayOf(dayNumber('2026-11-23')!), 1);
    assert.equal(weekdayOf(dayNumber('1969-12-28')!), 7);
    assert.equal(dayNumber('2026-02-29'), null);
    assert.equal(dayNumber('2028-02-29'), dayNumber('2028-03-01')! - 1);
    assert.equal(isoDate(dayNumber('2026-12-31')!), '2026-12-31');
    assert.equal(isoWithOffset(Date.UTC(2026, 10, 24, 4, 15, 30, 999), 345), '2026-11-24T10:00:30+05:45');
    assert.equal(isoWithOffset(Date.UTC(2026, 10, 24, 4, 15), -210), '2026-11-24T00:45:00-03:30');
    assert.equal(isoWithOffset(Date.UTC(2026, 10, 24, 4, 15), 0), '2026-11-24T04:15:00+00:00');
  });

  it('zone names: IANA zones and aliases yes, offsets and inventions no', () => {
    for (const z of ['Europe/Berlin', 'UTC', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires']) assert.ok(isValidZone(z), z);
    for (const z of ['+05:30', 'GMT+5', 'Mars/Olympus_Mons', '', ' Europe/Berlin']) assert.ok(!isValidZone(z), z);
  });
});

describe('formatting', () => {
  it('formatClock: local time and weekday from an ISO string with offset', () => {
    assert.equal(formatClock('2026-11-25T14:32:00+01:00'), '14:32 Wed');
    assert.equal(formatClock('2026-11-29T00:05:00+05:45'), '00:05 Sun');
  });

  it('formatDuration: coarse', () => {
    assert.deepEqual(
      [0, 45, 60, 185, 24 * 60, 66 * 60 + 10].map((m) => formatDuration(m * 60_000)),
      ['0 min', '45 min', '1 h', '3 h 5 min', '1 d', '2 d 18 h'],
    );
  });

  it('formatOffsetDifference and spanText', () => {
    assert.deepEqual([0, 345, -540, -210].map(formatOffsetDifference), ['same time', '+5:45 h', '-9 h', '-3:30 h']);
    assert.equal(spanText({ start: 1320, end: 1800 }), '22:00-06:00');
    assert.equal(spanText({ start: 960, end: 1440 }), '16:00-24:00');
  });
});
