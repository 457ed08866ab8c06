// Runs the bundled CLI (dist/cli.js, built by scripts/build.mjs) as a terminal or CI would.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBuiltCli, runCli } from './cliHelpers';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/decisions');

const run = runCli;

describe('async-desk CLI', function () {
  this.timeout(30_000);

  before(requireBuiltCli);

  it('decisions --json lists every record with root-relative files', () => {
    const { status, stdout, stderr } = run('decisions', '--root', path.join(FIXTURES, 'adr-tools'), '--json');
    assert.equal(status, 0, stderr);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 5);
    assert.deepEqual(rows[1], {
      file: 'doc/architecture/decisions/0002-use-mysql-for-the-ledger.md',
      title: 'Use MySQL for the ledger',
      status: 'superseded',
      date: '2025-03-11',
      format: 'nygard',
      number: 2,
      owner: null,
      supersedes: [],
      supersededBy: ['doc/architecture/decisions/0004-use-postgresql-for-the-ledger.md'],
    });
  });

  it('decisions --json resolves "superseded by ADR-0002" and reports unknown statuses as null', () => {
    const native = JSON.parse(run('decisions', '--root', path.join(FIXTURES, 'native'), '--json').stdout) as { file: string; supersededBy: string[]; owner: string | null }[];
    assert.equal(native.length, 7);
    assert.deepEqual(native[0]!.supersededBy, ['docs/decisions/0002-use-postgresql-for-the-ledger.md']);
    const broken = JSON.parse(run('decisions', '--root', path.join(FIXTURES, 'broken'), '--json').stdout) as { file: string; status: string | null }[];
    assert.equal(broken.find((r) => r.file.endsWith('0002-unknown-status.md'))!.status, null);
  });

  it('decisions prints a table', () => {
    const { status, stdout } = run('decisions', '--root', path.join(FIXTURES, 'log4brains'));
    assert.equal(status, 0);
    const out = stdout.trimEnd().split('\n');
    assert.match(out[0]!, /^#\s+Status\s+Date\s+Title\s+File$/);
    assert.equal(out.length, 5);
    assert.match(out[1]!, /accepted\s+2024-01-10\s+Use Log4brains to manage the ADRs\s+docs\/adr\/20240110-use-log4brains-to-manage-the-adrs\.md$/);
  });

  it('check: file:line: message (1-based) and exit 1 when there are problems', () => {
    const { status, stdout } = run('check', '--root', path.join(FIXTURES, 'broken'), '--today', '2026-11-21');
    assert.equal(status, 1);
    const out = stdout.trimEnd().split('\n');
    assert.equal(out.length, 7);
    assert.ok(out.includes('docs/decisions/0002-unknown-status.md:2: Unknown status "in review". Use one of: draft, proposed, accepted, rejected, deprecated, superseded.'), stdout);
    assert.ok(out.some((l) => l.startsWith('docs/decisions/0004-broken-link.md:4: Broken link')), stdout);
    assert.ok(out.some((l) => l.startsWith('docs/decisions/0006-overdue-review.md:5: Review overdue')), stdout);
  });

  it('check: "No problems found." and exit 0', () => {
    const { status, stdout } = run('check', '--root', path.join(FIXTURES, 'adr-tools'), '--today', '2026-11-21');
    assert.equal(status, 0);
    assert.equal(stdout, 'No problems found.\n');
  });

  it('usage errors exit 2 with usage on stderr, no stack traces', () => {
    for (const args of [['frobnicate'], [], ['decisions', '--bogus'], ['check', '--today', 'tomorrow'], ['decisions', 'extra']]) {
      const { status, stdout, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /Usage: async-desk <command>/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
    const missing = run('decisions', '--root', path.join(FIXTURES, 'no-such-repo'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /is not a directory/);
  });

  it('--help prints usage and exits 0', () => {
    const { status, stdout } = run('--help');
    assert.equal(status, 0);
    assert.match(stdout, /async-desk decisions|decisions\s+List decision records/);
  });
});
