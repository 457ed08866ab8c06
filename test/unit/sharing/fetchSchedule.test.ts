// When the editor fetches the sharing branch in the background (src/core/sharing/fetchSchedule.ts):
// every `asyncDesk.sharing.fetchMinutes` while a view is visible, doubling after failures up to an
// hour, and at once on attention (a view shown, the window focused) unless the last attempt is very
// recent or the backoff says wait. Tables of chosen cases, then fast-check properties over the whole
// range the setting allows (1 to 1440 minutes). Times are plain numbers: nothing here reads a clock.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fetchOnAttention, MAX_BACKOFF_MS, nextFetchDelay, RECENT_FETCH_MS } from '../../../src/core/sharing/fetchSchedule';
import { runs } from '../propertyRuns';

const MIN = 60_000;
/** Any fixed instant: the functions only look at differences. */
const T = Date.UTC(2026, 10, 21, 9, 30);

describe('sharing: the background fetch schedule', () => {
  it('the constants: attention skips a fetch under 30 s old; backoff stops at an hour', () => {
    assert.equal(RECENT_FETCH_MS, 30_000);
    assert.equal(MAX_BACKOFF_MS, 60 * MIN);
  });

  it('nextFetchDelay: the interval, doubled per failure in a row, at most an hour (table)', () => {
    const cases: [minutes: number, failures: number, ms: number][] = [
      [5, 0, 5 * MIN],
      [5, 1, 10 * MIN],
      [5, 2, 20 * MIN],
      [5, 3, 40 * MIN],
      [5, 4, 60 * MIN], // 80 min, capped
      [5, 50, 60 * MIN],
      [5, Number.MAX_SAFE_INTEGER, 60 * MIN],
      [1, 0, 1 * MIN],
      [1, 5, 32 * MIN],
      [1, 6, 60 * MIN], // 64 min, capped
      [2.5, 1, 5 * MIN],
      [30, 1, 60 * MIN],
      [45, 1, 60 * MIN], // 90 min, capped
      [60, 3, 60 * MIN],
      // Below the setting's minimum: one minute, never a busy loop.
      [0, 0, 1 * MIN],
      [-3, 2, 4 * MIN],
      [0.2, 0, 1 * MIN],
      // No failures yet (or a negative count): the plain interval.
      [5, -1, 5 * MIN],
      // An interval over an hour: a failure never makes fetching more frequent than when all is well.
      [120, 0, 120 * MIN],
      [120, 1, 120 * MIN],
      [1440, 3, 1440 * MIN],
    ];
    for (const [minutes, failures, ms] of cases) assert.equal(nextFetchDelay(minutes, failures), ms, `nextFetchDelay(${minutes}, ${failures})`);
  });

  it('fetchOnAttention: never tried fetches; all well waits 30 s; after failures, the usual interval (table)', () => {
    const cases: [label: string, lastAttemptAt: number | undefined, now: number, failures: number, minutes: number, expected: boolean][] = [
      ['never tried', undefined, T, 0, 5, true],
      ['never tried, failures counted (a reload)', undefined, T, 4, 5, true],
      ['just tried', T, T, 0, 5, false],
      ['29.999 s ago', T, T + 29_999, 0, 5, false],
      ['30 s ago', T, T + 30_000, 0, 5, true],
      ['an hour ago', T, T + 60 * MIN, 0, 5, true],
      // One failure: the backoff is 10 min, attention may come in after the usual 5.
      ['1 failure, 30 s ago', T, T + 30_000, 1, 5, false],
      ['1 failure, 4:59.999 ago', T, T + 5 * MIN - 1, 1, 5, false],
      ['1 failure, 5 min ago', T, T + 5 * MIN, 1, 5, true],
      ['3 failures, interval 1 min, 59.999 s ago', T, T + MIN - 1, 3, 1, false],
      ['3 failures, interval 1 min, 1 min ago', T, T + MIN, 3, 1, true],
      ['10 failures, interval 30 min, 29 min ago', T, T + 29 * MIN, 10, 30, false],
      ['10 failures, interval 30 min, 30 min ago', T, T + 30 * MIN, 10, 30, true],
      ['1 failure, interval 120 min, 61 min ago', T, T + 61 * MIN, 1, 120, false],
      ['1 failure, interval 120 min, 120 min ago', T, T + 120 * MIN, 1, 120, true],
    ];
    for (const [label, last, now, failures, minutes, expected] of cases)
      assert.equal(fetchOnAttention(last, now, failures, minutes), expected, `${label}: fetchOnAttention(${last}, ${now}, ${failures}, ${minutes})`);
  });

  const minutesArb = fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.double({ min: 1, max: 1440, noNaN: true }));
  const failuresArb = fc.integer({ min: 0, max: 60 });

  it('property: failures never shorten the wait; it doubles until the hour, and stays at max(interval, 1 h) (5,000 cases)', () => {
    fc.assert(
      fc.property(minutesArb, failuresArb, (minutes, failures) => {
        const interval = minutes * MIN;
        const delay = nextFetchDelay(minutes, failures);
        const next = nextFetchDelay(minutes, failures + 1);
        const where = `${minutes} min, ${failures} failures: ${delay} ms, then ${next} ms`;
        assert.ok(Number.isFinite(delay) && delay > 0, where);
        assert.ok(delay >= interval, `shorter than the interval: ${where}`);
        assert.ok(next >= delay, `a further failure shortened the wait: ${where}`);
        assert.ok(delay <= Math.max(interval, MAX_BACKOFF_MS), `over the cap: ${where}`);
        if (failures === 0) assert.equal(delay, interval, where);
        // Doubling, as long as the doubled wait is under the hour.
        if (failures < 10 && interval * 2 ** (failures + 1) <= MAX_BACKOFF_MS) assert.equal(next, 2 * delay, where);
      }),
      runs(5_000, 1_305_013),
    );
  });

  it('property: attention is monotone in time, never beats 30 s, and failures never make it fetch sooner (5,000 cases)', () => {
    fc.assert(
      fc.property(
        minutesArb,
        failuresArb,
        fc.integer({ min: 0, max: 48 * 60 * MIN }),
        fc.integer({ min: 0, max: 60 * MIN }),
        (minutes, failures, since, later) => {
          const at = (s: number, f = failures) => fetchOnAttention(T, T + s, f, minutes);
          const where = `${minutes} min, ${failures} failures, ${since} ms since the last attempt`;
          if (at(since)) {
            assert.ok(at(since + later), `fetched at ${since} ms but not ${later} ms later: ${where}`);
            assert.ok(since >= RECENT_FETCH_MS, `fetched within 30 s: ${where}`);
            assert.ok(at(since, 0), `failures made attention fetch sooner: ${where}`);
          }
          if (failures > 0) {
            // Attention may cut the backoff short, to the usual interval and no further.
            assert.equal(at(since), since >= Math.min(nextFetchDelay(minutes, failures), minutes * MIN), where);
            assert.equal(at(since), since >= minutes * MIN, where);
          }
        },
      ),
      runs(5_000, 271_828),
    );
  });
});
