import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { scanDecisions } from '../../../src/core/decisions';

describe('scanDecisions on a large folder', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'async-desk-scan-'));
    const dir = path.join(root, 'docs/decisions');
    mkdirSync(path.join(dir, 'platform'), { recursive: true });
    for (let i = 1; i <= 2400; i++) {
      const n = String(i).padStart(4, '0');
      const text =
        i % 2
          ? `---\nstatus: ${i % 3 ? 'accepted' : 'superseded by ADR-0001'}\ndate: 2026-01-02\nowner: alice\nreview-by: 2026-0${1 + (i % 9)}-01\n${i > 1 ? `supersedes: ${String(i - 1).padStart(4, '0')}-r.md\n` : ''}---\n\n# Record ${i}\n\n## Context\n\nText.\n`
          : `# ${i}. Record ${i}\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\nSupercedes [${i - 1}. Record](${String(i - 1).padStart(4, '0')}-r.md)\n\n## Context\n\nText.\n`;
      writeFileSync(path.join(dir, `${n}-r.md`), text);
    }
    writeFileSync(path.join(dir, 'platform', '0001-p.md'), '---\nstatus: accepted\n---\n# P\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('indexes every record, resolves links by number and reports overdue reviews', async () => {
    const index = await scanDecisions(root, { today: '2026-05-15' });
    assert.equal(index.records.length, 2401);
    assert.deepEqual(
      index.folders.map((f) => [f.dir, f.format]),
      [
        ['docs/decisions', 'madr'],
        ['docs/decisions/platform', 'madr'],
      ],
    );
    assert.equal(index.records[0]!.file, 'docs/decisions/0001-r.md');
    // 0003 says "superseded by ADR-0001"; 0004 says it supersedes 0003, so 0003 is superseded by 0004 too (inferred).
    assert.deepEqual(index.records[2]!.supersededBy, ['docs/decisions/0001-r.md', 'docs/decisions/0004-r.md']);
    assert.deepEqual(index.records[3]!.supersedes, ['docs/decisions/0003-r.md']);
    assert.ok(index.problems.length > 0 && index.problems.every((p) => p.code === 'review-overdue'));
  });
});
