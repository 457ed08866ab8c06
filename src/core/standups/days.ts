// The path index of standups looked up by day and login, without reading a file: "whose standups are
// on this day" and "this login's standup on that day". The CLI's digest and the extension's standup
// store both turn it into the history lookup that buildDigest and blockerAges take.
import type { Standup, StandupEntry } from './types';

/** `E`: scanStandups' entries, or the store's (which add the folder and URI). */
export class StandupDays<E extends StandupEntry> {
  private readonly byDate = new Map<string, E[]>();
  /** Per day, by lower-case login; built for a day when it is first asked for (most days never are). */
  private readonly byLogin = new Map<string, Map<string, E>>();

  constructor(entries: Iterable<E>) {
    for (const e of entries) {
      const day = this.byDate.get(e.date);
      if (day) day.push(e);
      else this.byDate.set(e.date, [e]);
    }
  }

  /** The entries of a day, in index order (a login with two files on the day has both). */
  on(date: string): readonly E[] {
    return this.byDate.get(date) ?? [];
  }

  /**
   * A login's entry on a day, any case. Two files of one login on a day (alice.md and Alice.md, which
   * the scan reports as a duplicate) give the later one, as a map filled in index order would.
   */
  find(login: string, date: string): E | undefined {
    let logins = this.byLogin.get(date);
    if (!logins) {
      logins = new Map(this.on(date).map((e) => [e.login.toLowerCase(), e]));
      this.byLogin.set(date, logins);
    }
    return logins.get(login.toLowerCase());
  }
}

/**
 * The (login, date) -> standup lookup of DigestInput.history: the entry found in `days`, read with
 * `read` (undefined when it is not there or could not be read).
 */
export function standupHistory<E extends StandupEntry>(
  days: StandupDays<E>,
  read: (entry: E) => Standup | undefined,
): (login: string, date: string) => Standup | undefined {
  return (login, date) => {
    const entry = days.find(login, date);
    return entry === undefined ? undefined : read(entry);
  };
}
