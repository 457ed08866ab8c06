// The path-only index of a standups folder: a generated tree with junk in it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { scanStandups } from '../../../src/core/standups';

describe('scanStandups', () => {
  let root: string;
  const write = (file: string, text = '') => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'async-desk-standups-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('indexes YYYY-MM-DD/<login>.md sorted by date then login; junk is a warning at line 0', async () => {
    const logins = ['zoe', 'Bob', 'alice', 'carol-b'];
    const dates = ['2026-11-20', '2026-01-02', '2025-12-31'];
    for (const d of dates) for (const l of logins) write(`docs/standups/${d}/${l}.md`);
    write('docs/standups/README.md');
    write('docs/standups/.gitkeep');
    write('docs/standups/2026-01-02/.DS_Store');
    write('docs/standups/notes.txt');
    write('docs/standups/drafts/alice.md');
    write('docs/standups/2026-02-30/alice.md');
    write('docs/standups/2026-01-02/alice.txt');
    write('docs/standups/2026-01-02/Alice.md');
    write('docs/standups/2026-01-02/not a login.md');
    write('docs/standups/2026-01-02/team/alice.md');
    const { entries, problems } = await scanStandups(root, './docs/standups/');
    assert.deepEqual(
      entries.map((e) => e.file),
      ['2025-12-31', '2026-01-02', '2026-11-20'].flatMap((d) =>
        (d === '2026-01-02' ? ['Alice', 'alice', 'Bob', 'carol-b', 'zoe'] : ['alice', 'Bob', 'carol-b', 'zoe']).map((l) => `docs/standups/${d}/${l}.md`),
      ),
    );
    assert.deepEqual(entries[0], { date: '2025-12-31', login: 'alice', file: 'docs/standups/2025-12-31/alice.md' });
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.severity, p.code]).sort(), [
      ['docs/standups/2026-01-02/alice.md', 0, 'warning', 'duplicate-standup'],
      ['docs/standups/2026-01-02/alice.txt', 0, 'warning', 'not-markdown'],
      ['docs/standups/2026-01-02/not a login.md', 0, 'warning', 'bad-file-name'],
      ['docs/standups/2026-01-02/team', 0, 'warning', 'unexpected-folder'],
      ['docs/standups/2026-02-30', 0, 'warning', 'not-a-date-folder'],
      ['docs/standups/drafts', 0, 'warning', 'not-a-date-folder'],
      ['docs/standups/notes.txt', 0, 'warning', 'not-in-a-day-folder'],
    ]);
    assert.equal(
      problems.find((p) => p.code === 'not-a-date-folder')!.message,
      '"2026-02-30" is not a day folder: standups are docs/standups/YYYY-MM-DD/<github-login>.md.',
    );
  });

  it('a generated tree of 600 files over 120 days, with the event loop free in between', async function () {
    this.timeout(30_000);
    for (let d = 0; d < 120; d++) {
      const dir = path.join(root, 's', new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
      mkdirSync(dir, { recursive: true });
      for (let p = 0; p < 5; p++) writeFileSync(path.join(dir, `member-${p}.md`), '');
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const { entries, problems } = await scanStandups(root, 's');
    clearInterval(timer);
    assert.equal(entries.length, 600);
    assert.deepEqual(problems, []);
    assert.equal(entries[599]!.file, 's/2025-04-30/member-4.md');
    assert.ok(ticks >= 1, 'scanStandups never yielded');
  });

  it('a missing folder is an empty index, not an error', async () => {
    assert.deepEqual(await scanStandups(root, 'docs/standups'), { entries: [], problems: [] });
  });
});
