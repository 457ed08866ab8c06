// File naming: `<standupsDir>/YYYY-MM-DD/<login>.md` (SPEC §2.3) and reading it back.
import assert from 'node:assert/strict';
import { parseStandupPath, standupFile } from '../../../src/core/standups';

describe('standup paths', () => {
  it('standupFile: dir / local date / login .md, whatever the dir looks like', () => {
    assert.equal(standupFile('docs/standups', '2026-11-21', 'alice'), 'docs/standups/2026-11-21/alice.md');
    assert.equal(standupFile('./docs/standups/', '2026-11-21', 'Alice'), 'docs/standups/2026-11-21/Alice.md');
    assert.equal(standupFile('docs\\standups', '2026-11-21', 'alice'), 'docs/standups/2026-11-21/alice.md');
    assert.equal(standupFile('', '2026-11-21', 'alice'), '2026-11-21/alice.md');
    assert.equal(standupFile('.', '2026-11-21', 'alice'), '2026-11-21/alice.md');
  });

  it('parseStandupPath: date and login of a standup, null for anything else', () => {
    assert.deepEqual(parseStandupPath('docs/standups/2026-11-21/alice.md', 'docs/standups'), { date: '2026-11-21', login: 'alice' });
    assert.deepEqual(parseStandupPath('docs/standups/2026-11-21/Bob-B.md', './docs/standups/'), { date: '2026-11-21', login: 'Bob-B' });
    assert.deepEqual(parseStandupPath('docs\\standups\\2026-11-21\\alice.md', 'docs/standups'), { date: '2026-11-21', login: 'alice' });
    assert.deepEqual(parseStandupPath('2026-11-21/alice.md', ''), { date: '2026-11-21', login: 'alice' });
    for (const file of [
      'docs/standups/2026-11-21/alice.txt',
      'docs/standups/2026-11-31/alice.md', // no such day
      'docs/standups/2026-1-21/alice.md',
      'docs/standups/2026-11-21/team/alice.md',
      'docs/standups/alice.md',
      'docs/standups/2026-11-21/-alice.md',
      'docs/standups/2026-11-21/al--ice.md',
      'docs/standups/2026-11-21/README notes.md',
      'docs/standupsX/2026-11-21/alice.md',
      'other/2026-11-21/alice.md',
    ]) {
      assert.equal(parseStandupPath(file, 'docs/standups'), null, file);
    }
  });

  it('round trip', () => {
    const file = standupFile('docs/standups', '2027-02-28', 'dave-k');
    assert.deepEqual(parseStandupPath(file, 'docs/standups'), { date: '2027-02-28', login: 'dave-k' });
  });
});
