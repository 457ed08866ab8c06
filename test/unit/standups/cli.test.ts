// `async-desk standups` and the standups checker of `async-desk check`, run as a terminal would
// (dist/cli.js, built by scripts/build.mjs), at fixed instants, on the integration workspace
// (Berlin, New York, Kathmandu) and on generated trees.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireBuiltCli, runCli, runCliWithEnv } from '../cliHelpers';
import { lines, standupText } from './helpers';

const WORKSPACE = path.resolve(process.cwd(), 'test/fixtures/workspace');
const run = runCli;
type Row = { github: string; status: string; detail: string; file: string | null; done: string[]; next: string[]; blockers: string[] } & Record<
  string,
  unknown
>;
const json = (stdout: string) => JSON.parse(stdout) as Row[];

describe('async-desk standups', function () {
  this.timeout(30_000);

  before(requireBuiltCli);

  it('--json: one object per member, each in their own day; blockers that mention --me first', () => {
    // Monday 12:00 UTC: Kathmandu 17:45, Berlin 13:00, New York 07:00.
    const { status, stdout, stderr } = run('standups', '--root', WORKSPACE, '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z', '--me', 'bob', '--json');
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const rows = json(stdout);
    assert.deepEqual(
      rows.map((r) => [r.github, r.status, r.detail, r.file]),
      [
        ['carol', 'posted', 'posted', 'docs/standups/2026-11-23/carol.md'],
        ['bob', 'not-started', 'day starts 08:30 (in 1 h 30 min)', null],
        ['alice', 'missing', 'nothing posted yet', null],
      ],
    );
    assert.deepEqual(rows[0], {
      github: 'carol',
      name: 'Carol Shrestha',
      timezone: 'Asia/Kathmandu',
      status: 'posted',
      detail: 'posted',
      localTime: '2026-11-23T17:45:00+05:45',
      file: 'docs/standups/2026-11-23/carol.md',
      done: ["Second review of @bob's migration PR: approved"],
      next: ['Apply the replica module in staging'],
      blockers: ['Staging credentials for the replica from @bob'],
      // Listed open Wed, Thu, Fri and Mon: three working days before Monday, more than the default 2.
      blockerDetails: [{ text: 'Staging credentials for the replica from @bob', since: '2026-11-18', openWorkdays: 3, stale: true, mentionsMe: true }],
      notes: '',
      mentionsMe: true,
    });
    assert.deepEqual([rows[1]!.done, rows[1]!.next, rows[1]!.blockers], [[], [], []]);
  });

  it('only open blockers; notes; a holiday is away', () => {
    const rows = json(run('standups', '--root', WORKSPACE, '--date', '2026-11-20', '--now', '2026-11-21T12:00:00Z', '--json').stdout);
    const byLogin = new Map(rows.map((r) => [r.github, r]));
    assert.deepEqual(byLogin.get('alice')!.blockers, []); // "- [x] Load test numbers from @bob"
    assert.deepEqual(byLogin.get('bob')!.blockers, ['Second review of the migration PR from @carol']);
    assert.match(byLogin.get('carol')!.notes as string, /^The replica needs the `pg_stat_statements` extension/);
    const thanksgiving = json(run('standups', '--root', WORKSPACE, '--date', '2026-11-26', '--now', '2026-11-26T15:00:00Z', '--json').stdout);
    assert.deepEqual(thanksgiving.find((r) => r.github === 'bob')!.status, 'away');
    assert.deepEqual(thanksgiving.find((r) => r.github === 'bob')!.detail, 'Away: Holiday (US)');
  });

  it("default date: today in --me's zone, else this machine's", () => {
    // 20:00 UTC Monday is already Tuesday 01:45 in Kathmandu, still Monday 15:00 in New York.
    const date = (...args: string[]) =>
      json(run('standups', '--root', WORKSPACE, '--now', '2026-11-23T20:00:00Z', '--json', ...args).stdout).find((r) => r.github === 'carol')!.status;
    assert.equal(date('--me', 'carol'), 'not-started'); // Tuesday: no file, day starts 10:00
    assert.equal(date('--me', '@Bob'), 'posted'); // Monday: carol's Monday file
    const machine = (tz: string) =>
      json(runCliWithEnv({ TZ: tz }, 'standups', '--root', WORKSPACE, '--now', '2026-11-23T20:00:00Z', '--json').stdout).find((r) => r.github === 'carol')!
        .status;
    assert.equal(machine('Asia/Tokyo'), 'not-started');
    assert.equal(machine('America/Chicago'), 'posted');
  });

  it('prints a table, then the standups of those who posted', () => {
    const { status, stdout } = run('standups', '--root', WORKSPACE, '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z', '--me', 'bob');
    assert.equal(status, 0);
    assert.equal(
      stdout,
      lines(
        "Standups of 2026-11-23, each person's own local day (at 2026-11-23T12:00Z)",
        '',
        'Member                   Local time  Status       Detail',
        'Carol Shrestha (@carol)  17:45 Mon   posted       1 done item, 1 next item, 1 open blocker (mentions you)',
        'Bob Alvarez (@bob)       07:00 Mon   not-started  day starts 08:30 (in 1 h 30 min)',
        'Alice Ng (@alice)        13:00 Mon   missing      nothing posted yet',
        '',
        'Carol Shrestha (@carol): docs/standups/2026-11-23/carol.md',
        '  Done',
        "    - Second review of @bob's migration PR: approved",
        '  Next',
        '    - Apply the replica module in staging',
        '  Blockers',
        '    - Staging credentials for the replica from @bob (open 3 working days, since 2026-11-18, stale)',
      ),
    );
  });

  it('bad --date and --now are usage errors (exit 2)', () => {
    for (const args of [
      ['--date', '2026-11-31'],
      ['--date', 'today'],
      ['--now', 'soon'],
      ['--now', '2026-11-23'],
    ]) {
      const { status, stderr } = run('standups', '--root', WORKSPACE, ...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, args[0] === '--date' ? /--date must be a date like 2026-01-31/ : /--now must be an ISO 8601 date and time/);
    }
  });

  describe('on generated trees', () => {
    let root: string;
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'async-desk-cli-standups-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('no team file: the people who posted; problems in a standup read go to stderr, exit 1 for errors', () => {
      write('notes/2026-11-23/zoe.md', standupText('zoe', '2026-11-23', '## Done', '- Shipped', '## Next', '## Blockers'));
      write('notes/2026-11-23/yan.md', standupText('yan', '2026-11-23', '## Done', 'prose', '## Next'));
      const { status, stdout, stderr } = run('standups', '--root', root, '--standups-dir', 'notes', '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z');
      assert.equal(status, 1);
      assert.equal(
        stderr,
        lines(
          'notes/2026-11-23/yan.md:4: No "## Blockers" section (it may be empty).',
          'notes/2026-11-23/yan.md:6: Not a list item: Done, Next and Blockers are lists of "- " items (notes go in a "## Notes" section).',
        ),
      );
      // A warning alone is reported, and is no failure.
      write('notes/2026-11-23/yan.md', standupText('yan', '2026-11-23', '## Done', 'prose', '## Next', '## Blockers'));
      const warned = run('standups', '--root', root, '--standups-dir', 'notes', '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z', '--json');
      assert.deepEqual([warned.status, warned.stderr.split('\n').length, json(warned.stdout).length], [0, 2, 2]);
      assert.match(
        stdout,
        /^Standups of 2026-11-23, .*\nNo team file at \.github\/team\.yml: only the people who posted are listed\.\n\nMember +Local time +Status +Detail\n@yan +posted/,
      );
      assert.equal(run('standups', '--root', root, '--date', '2026-11-24', '--now', '2026-11-23T12:00:00Z').stdout.split('\n').at(-2), 'Nobody has posted.');
    });

    it('check: every standup file, names and contents, as file:line: message; --standups-dir', () => {
      write('docs/standups/2026-11-23/zoe.md', standupText('zoe', '2026-11-23', '## Done', '## Next', '## Blockers'));
      write('docs/standups/2026-11-23/yan.md', standupText('Xan', '2026-11-22', '## Done', '## Next'));
      write('docs/standups/2026-11-23/yan.txt', '');
      write('docs/standups/week-48/zoe.md', '');
      write('docs/standups/2026-11-24/zoe.md', lines('---', 'author: zoe', 'date: [2026-11-24', '---', '## Done', '## Next', '## Blockers'));
      const { status, stdout } = run('check', '--root', root);
      assert.equal(status, 1);
      assert.equal(
        stdout,
        lines(
          'docs/standups/2026-11-23/yan.md:2: author "Xan" does not match the file name "yan.md".',
          'docs/standups/2026-11-23/yan.md:3: date 2026-11-22 does not match the folder 2026-11-23.',
          'docs/standups/2026-11-23/yan.md:4: No "## Blockers" section (it may be empty).',
          'docs/standups/2026-11-23/yan.txt:1: "yan.txt" is not a standup: standups are Markdown files named docs/standups/YYYY-MM-DD/<github-login>.md.',
          'docs/standups/2026-11-24/zoe.md:3: date must be a day like 2026-11-21.',
          'docs/standups/2026-11-24/zoe.md:4: Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
          'docs/standups/week-48:1: "week-48" is not a day folder: standups are docs/standups/YYYY-MM-DD/<github-login>.md.',
        ),
      );
      const moved = run('check', '--root', root, '--standups-dir', 'elsewhere');
      assert.deepEqual([moved.status, moved.stdout], [0, 'No problems found.\n']);
    });
  });

  it('check: the integration workspace has valid standups', () => {
    const { stdout } = run('check', '--root', WORKSPACE, '--today', '2026-10-01');
    assert.equal(stdout, 'No problems found.\n');
  });
});
