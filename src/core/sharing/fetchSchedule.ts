// When the editor fetches the sharing branch in the background (issue 13): while the Today or the
// Standups view is visible, every `asyncDesk.sharing.fetchMinutes`, and at once when a view becomes
// visible or the window gets focus, unless the last fetch is very recent. Failures back off (doubling,
// up to an hour) so an offline laptop does not spawn git every few minutes. Pure: the editor owns the
// timers.

/** A fetch this recent makes a visibility change or window focus skip its own. */
export const RECENT_FETCH_MS = 30_000;
/** The longest wait between background fetches after failures (unless the interval itself is longer). */
export const MAX_BACKOFF_MS = 60 * 60_000;

/** The wait before the next background fetch, after `failures` failed ones in a row: never shorter
 *  than the interval (with an interval over an hour, the cap must not make a failure fetch sooner). */
export function nextFetchDelay(intervalMinutes: number, failures: number): number {
  const interval = Math.max(1, intervalMinutes) * 60_000;
  if (failures <= 0) return interval;
  return Math.max(interval, Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(failures, 10)));
}

/** Whether a view becoming visible or the window getting focus should fetch now. */
export function fetchOnAttention(lastAttemptAt: number | undefined, now: number, failures: number, intervalMinutes: number): boolean {
  if (lastAttemptAt === undefined) return true;
  const since = now - lastAttemptAt;
  // After failures, attention does not beat the backoff by more than the usual interval.
  if (failures > 0) return since >= Math.min(nextFetchDelay(intervalMinutes, failures), Math.max(1, intervalMinutes) * 60_000);
  return since >= RECENT_FETCH_MS;
}
