// Shared helpers for the standups unit tests.
import assert from 'node:assert/strict';
import { parseStandup, type Standup } from '../../../src/core/standups';
import { lines } from '../decisions/helpers';

export { lines };

/** A standup in the SPEC §2.3 format; `body` lines come after the front matter. */
export function standupText(author: string, date: string, ...body: string[]): string {
  return lines('---', `author: ${author}`, `date: ${date}`, '---', ...body);
}

/** A parsed standup that must have no problems. */
export function standup(author: string, date: string, sections: { done?: string[]; next?: string[]; blockers?: string[] }): Standup {
  const text = standupText(
    author,
    date,
    '## Done',
    ...(sections.done ?? []).map((x) => `- ${x}`),
    '## Next',
    ...(sections.next ?? []).map((x) => `- ${x}`),
    '## Blockers',
    ...(sections.blockers ?? []),
  );
  const s = parseStandup(text, `docs/standups/${date}/${author}.md`);
  assert.deepEqual(s.problems, []);
  return s;
}

/** A history lookup over standups, by date. */
export function historyOf(...standups: Standup[]): (date: string) => Standup | undefined {
  const byDate = new Map(standups.map((s) => [s.date, s]));
  return (date) => byDate.get(date);
}
