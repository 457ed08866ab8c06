// The standup path index by day and login (src/core/standups/days.ts), shared by the CLI's digest and
// the extension's standup store: no file is read to find an entry.
import assert from 'node:assert/strict';
import { StandupDays, standupHistory, type Standup, type StandupEntry } from '../../../src/core/standups';

const entry = (date: string, login: string): StandupEntry => ({ date, login, file: `docs/standups/${date}/${login}.md` });

describe('StandupDays', () => {
  const entries = [entry('2026-11-18', 'carol'), entry('2026-11-20', 'alice'), entry('2026-11-20', 'bob'), entry('2026-11-19', 'Carol')];

  it("on: a day's entries in index order; none for a day without standups", () => {
    const days = new StandupDays(entries);
    assert.deepEqual(
      days.on('2026-11-20').map((e) => e.login),
      ['alice', 'bob'],
    );
    assert.deepEqual(days.on('2026-11-21'), []);
  });

  it('find: a login on a day, any case; the later of two files of one login', () => {
    const days = new StandupDays([...entries, entry('2026-11-20', 'Alice')]);
    assert.equal(days.find('CAROL', '2026-11-19')?.file, 'docs/standups/2026-11-19/Carol.md');
    assert.equal(days.find('carol', '2026-11-20'), undefined);
    assert.equal(days.find('alice', '2026-11-20')?.file, 'docs/standups/2026-11-20/Alice.md');
    assert.equal(days.find('dave', '2026-11-18'), undefined);
  });

  it('keeps what entries carry beyond the path (the store adds folder and URI)', () => {
    const days = new StandupDays([{ ...entry('2026-11-20', 'alice'), uri: 'file:///w/a.md' }]);
    assert.equal(days.find('alice', '2026-11-20')?.uri, 'file:///w/a.md');
  });

  it('standupHistory: reads only the entry asked for; undefined when there is none or it cannot be read', () => {
    const read: string[] = [];
    const standup = { done: [], next: [], blockers: [], problems: [] } as unknown as Standup;
    const history = standupHistory(new StandupDays(entries), (e) => {
      read.push(e.file);
      return e.login === 'bob' ? undefined : standup;
    });
    assert.equal(history('carol', '2026-11-19'), standup);
    assert.equal(history('Bob', '2026-11-20'), undefined);
    assert.equal(history('alice', '2026-11-19'), undefined);
    assert.deepEqual(read, ['docs/standups/2026-11-19/Carol.md', 'docs/standups/2026-11-20/bob.md']);
  });
});
