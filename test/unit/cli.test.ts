// Runs the bundled CLI (dist/cli.js, built by scripts/build.mjs) as a terminal or CI would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { requireBuiltCli, runCli, tempFolder, writeTree } from './cliHelpers';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/decisions');
const TEAM_WORLD = path.resolve(process.cwd(), 'test/fixtures/team/world');
const WORKSPACE = path.resolve(process.cwd(), 'test/fixtures/workspace');

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
      statusText: 'Superceded',
      date: '2025-03-11',
      format: 'nygard',
      number: 2,
      owner: null,
      supersedes: [],
      supersededBy: ['doc/architecture/decisions/0004-use-postgresql-for-the-ledger.md'],
    });
  });

  it('decisions --json resolves "superseded by ADR-0002" and reports unknown statuses as null', () => {
    const native = JSON.parse(run('decisions', '--root', path.join(FIXTURES, 'native'), '--json').stdout) as {
      file: string;
      supersededBy: string[];
      owner: string | null;
    }[];
    assert.equal(native.length, 7);
    assert.deepEqual(native[0]!.supersededBy, ['docs/decisions/0002-use-postgresql-for-the-ledger.md']);
    const broken = JSON.parse(run('decisions', '--root', path.join(FIXTURES, 'broken'), '--json').stdout) as { file: string; status: string | null }[];
    assert.equal(broken.find((r) => r.file.endsWith('0002-unknown-status.md'))!.status, null);
  });

  it('decisions --json keeps free-text statuses in statusText and numbers adr-NNN- files; the table says "other: …"', () => {
    const wild = path.join(FIXTURES, 'wild');
    const hand = JSON.parse(run('decisions', '--root', path.join(wild, 'hand'), '--json').stdout) as {
      file: string;
      status: string | null;
      statusText: string | null;
      number: number | null;
    }[];
    const byFile = (end: string) => hand.find((r) => r.file.endsWith(end))!;
    assert.deepEqual(byFile('20210309-try-graphql.md'), { ...byFile('20210309-try-graphql.md'), status: null, statusText: 'On hold' });
    assert.deepEqual(byFile('adr-001-use-markdown-for-decisions.md'), { ...byFile('adr-001-use-markdown-for-decisions.md'), number: 1, status: 'accepted' });
    assert.deepEqual(byFile('adr-002-use-plantuml.md'), { ...byFile('adr-002-use-plantuml.md'), number: 2, status: 'proposed', statusText: 'Proposal' });
    const table = run('decisions', '--root', path.join(wild, 'nygard')).stdout;
    assert.match(table, /^0030 {2}other: Pending {2,}2022-01-10 {2}Adopt trunk-based development/m);
    assert.match(table, /^0010 {2}accepted \(Approved\) {2,}/m);
    const check = run('check', '--root', path.join(wild, 'nygard'));
    assert.doesNotMatch(check.stdout + check.stderr, /0030[^\n]*unknown status/i, 'a free-text status is no error outside the native format');
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
    assert.ok(
      out.includes(
        'docs/decisions/0002-unknown-status.md:2: Unknown status "in review". Use one of: draft, proposed, accepted, rejected, deprecated, superseded.',
      ),
      stdout,
    );
    assert.ok(
      out.some((l) => l.startsWith('docs/decisions/0004-broken-link.md:4: Broken link')),
      stdout,
    );
    assert.ok(
      out.some((l) => l.startsWith('docs/decisions/0006-overdue-review.md:5: Review overdue')),
      stdout,
    );
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

/** A raw terminal control or bidi character (what terminalSafe escapes), or undefined. */
function rawControl(text: string): string | undefined {
  return /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(text)?.[0];
}

const at = (text: string, c: string | undefined) => (c === undefined ? '' : `U+${c.codePointAt(0)!.toString(16)} in ${JSON.stringify(text)}`);

/** A decision record (MADR front matter). */
const record = (title: string, status = 'accepted', date = '2026-01-10') =>
  ['---', `status: ${status}`, `date: ${date}`, '---', '', `# ${title}`, '', '## Context and Problem Statement', '', 'Why.', ''].join('\n');

describe('async-desk CLI: hostile repositories', function () {
  this.timeout(30_000);

  let root: string;
  let outside: string;
  before(requireBuiltCli);
  beforeEach(() => {
    root = tempFolder('cli-root');
    outside = tempFolder('cli-outside');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  describe('terminal output is inert', () => {
    it('decisions: a title with ESC, BEL and a bidi override prints escaped, and the columns stay aligned', () => {
      writeTree(root, {
        'docs/decisions/0001-evil.md': record('Evil\x1b]0;pwned\x07 title \u202eevil\u202c'),
        'docs/decisions/0002-plain.md': record('Plain title', 'accepted', '2026-01-11'),
      });
      const { status, stdout, stderr } = runCli('decisions', '--root', root);
      assert.equal(status, 0, stderr);
      assert.equal(rawControl(stdout), undefined, at(stdout, rawControl(stdout)));
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, 3);
      assert.match(lines[1]!, /^0001 {2}accepted {2}2026-01-10 {2}Evil\\u001b\]0;pwned\\u0007 title \\u202eevil\\u202c {2}docs\/decisions\/0001-evil\.md$/);
      // Widths are those of the escaped text: every File column starts at the same place.
      const fileColumn = lines.map((l) => l.search(/File$|docs\/decisions\//));
      assert.deepEqual(new Set(fileColumn).size, 1, stdout);
      // --json is left as it was: JSON.stringify escapes the C0 controls itself.
      const json = runCli('decisions', '--root', root, '--json');
      assert.equal((JSON.parse(json.stdout) as { title: string }[])[0]!.title, 'Evil\x1b]0;pwned\x07 title \u202eevil\u202c');
      assert.doesNotMatch(json.stdout, /[\x1b\x07]/);
    });

    it('decisions: a file name with an escape sequence prints escaped', function () {
      if (process.platform === 'win32') this.skip(); // no ESC in Windows file names
      writeTree(root, { 'docs/decisions/0001-\x1b[2Jwipe.md': record('Wipe') });
      const { status, stdout } = runCli('decisions', '--root', root);
      assert.equal(status, 0);
      assert.equal(rawControl(stdout), undefined, at(stdout, rawControl(stdout)));
      assert.match(stdout, /docs\/decisions\/0001-\\u001b\[2Jwipe\.md\n$/);
    });

    it('check: a problem message with a newline and ESC stays one "file:line: message" line', () => {
      // YAML's double-quoted escapes put a real newline and ESC into the status (and so the message).
      writeTree(root, {
        'docs/decisions/0001-status.md': record('Status', '"in\\nreview\\e[2J"'),
        '.github/team.yml': ['team: T', 'members:', '  - github: zoe', '    timezone: "Mars/\\nfake.md:1: all fine\\a"', ''].join('\n'),
      });
      const { status, stdout } = runCli('check', '--root', root, '--today', '2026-11-24');
      assert.equal(status, 1);
      assert.equal(rawControl(stdout), undefined, at(stdout, rawControl(stdout)));
      assert.equal(
        stdout,
        [
          '.github/team.yml:4: Unknown time zone "Mars/\\nfake.md:1: all fine\\u0007". Use an IANA zone such as Europe/Berlin or America/New_York.',
          'docs/decisions/0001-status.md:2: Unknown status "in\\nreview\\u001b[2J". Use one of: draft, proposed, accepted, rejected, deprecated, superseded.',
          '',
        ].join('\n'),
      );
    });

    it('team: names, notes and problems on stderr print escaped', () => {
      writeTree(root, {
        '.github/team.yml': [
          'team: T',
          'members:',
          '  - github: zoe',
          '    name: "Zo\\e]52;c;cGF5bG9hZA==\\ae"',
          '    timezone: Europe/Berlin',
          '    away: [{ from: 2026-11-20, to: 2026-11-30, note: "Off\\r\\nsick \\u202etxt.exe" }]',
          '  - github: ok',
          '    timezone: "Bad/\\e[31mZone"',
          '',
        ].join('\n'),
      });
      const { status, stdout, stderr } = runCli('team', '--root', root, '--at', '2026-11-24T10:30:00Z');
      assert.equal(status, 1);
      assert.equal(rawControl(stdout), undefined, at(stdout, rawControl(stdout)));
      assert.equal(rawControl(stderr), undefined, at(stderr, rawControl(stderr)));
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2, stdout);
      assert.match(lines[1]!, /^Zo\\u001b\]52;c;cGF5bG9hZA==\\u0007e \(@zoe\) {2}11:30 Tue {3}Europe\/Berlin {2}away: Off\\r\\nsick \\u202etxt\.exe {2}/);
      assert.equal(stderr, '.github/team.yml:8: Unknown time zone "Bad/\\u001b[31mZone". Use an IANA zone such as Europe/Berlin or America/New_York.\n');
    });

    it('standups: done items, blockers and notes print escaped, each on its own line', () => {
      writeTree(root, {
        'docs/standups/2026-11-23/zoe.md': [
          '---',
          'author: zoe',
          'date: 2026-11-23',
          '---',
          '## Done',
          '- Shipped \x1b[8mhidden\x1b[28m',
          '## Next',
          '- Review \u2066#42\u2069',
          '## Blockers',
          '- Waiting on \x9b2J',
          '## Notes',
          'Line one\x07',
          'Line two',
          '',
        ].join('\n'),
      });
      const { status, stdout, stderr } = runCli('standups', '--root', root, '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z');
      assert.equal(status, 0, stderr);
      assert.equal(rawControl(stdout), undefined, at(stdout, rawControl(stdout)));
      assert.ok(stdout.includes('    - Shipped \\u001b[8mhidden\\u001b[28m\n'), stdout);
      assert.ok(stdout.includes('    - Review \\u2066#42\\u2069\n'), stdout);
      assert.ok(stdout.includes('    - Waiting on \\u009b2J (new)\n'), stdout);
      assert.ok(stdout.includes('  Notes\n    Line one\\u0007\n    Line two\n'), stdout);
    });

    it('templates and issue create: names, labels and contact links print escaped', () => {
      writeTree(root, {
        '.github/ISSUE_TEMPLATE/bug.md': ['---', 'name: "Bug\\e[5m"', 'about: Report a bug', 'labels: "bug\\a"', '---', '', 'Describe it.', ''].join('\n'),
        '.github/ISSUE_TEMPLATE/config.yml': [
          'contact_links:',
          '  - name: "Help\\e]8;;https://evil.example\\a"',
          '    url: https://example.com/help',
          '    about: "Ask\\nhere"',
          '',
        ].join('\n'),
      });
      const templates = runCli('templates', '--root', root);
      assert.equal(rawControl(templates.stdout), undefined, at(templates.stdout, rawControl(templates.stdout)));
      assert.match(templates.stdout, /Bug\\u001b\[5m {2}markdown {2}bug\\u0007/);
      assert.ok(templates.stdout.includes('  Help\\u001b]8;;https://evil.example\\u0007: https://example.com/help\n    Ask\\nhere\n'), templates.stdout);
      const issue = runCli(
        'issue',
        'create',
        '--root',
        root,
        '--repo',
        'acme/ledger',
        '--template',
        'nope',
        '--title',
        'T',
        '--owner',
        'zoe',
        '--now',
        '2026-11-24T10:00:00Z',
        '--dry-run',
      );
      assert.equal(issue.status, 1);
      assert.equal(rawControl(issue.stderr), undefined, at(issue.stderr, rawControl(issue.stderr)));
      assert.match(issue.stderr, /Templates: bug \(Bug\\u001b\[5m\)/);
    });
  });

  describe('strict dates and instants', () => {
    const usage = (args: string[], option: RegExp) => {
      const { status, stdout, stderr } = runCli(...args);
      assert.equal(status, 2, `${args.join(' ')}\n${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, option, args.join(' '));
      assert.match(stderr, /Usage: async-desk <command>/);
    };

    it('--now and --at refuse dates and times that do not exist, naming the option and why', () => {
      usage(
        ['standups', '--root', WORKSPACE, '--date', '2026-11-23', '--now', '2026-02-30T10:00:00Z'],
        /--now must be an ISO 8601 date and time .*; 2026-02-30T10:00:00Z is not one: February 2026 has 28 days\./,
      );
      usage(['issue', 'create', '--root', WORKSPACE, '--now', '2026-02-29T10:00:00Z'], /--now .*February 2026 has 28 days/);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-13-01T10:00:00Z'], /--at .*; 2026-13-01T10:00:00Z is not one: there is no month 13\./);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T25:00:00Z'], /--at .*hours go from 00 to 23, not 25\./);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T24:00:00Z'], /--at .*hours go from 00 to 23, not 24\./);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T10:60Z'], /--at .*minutes go from 00 to 59, not 60\./);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T10:30:60Z'], /--at .*seconds go from 00 to 59, not 60\./);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-04-31T10:00+02:00'], /--at .*April 2026 has 30 days/);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T10:00+24:00'], /--at .*the offset \+24:00 is not one/);
      usage(['team', '--root', TEAM_WORLD, '--at', '2026-11-24T10:00:00Zjunk'], /--at must be an ISO 8601 date and time like/);
    });

    it('--date, --today and a --due date refuse days that do not exist', () => {
      usage(
        ['standups', '--root', WORKSPACE, '--now', '2026-11-23T12:00:00Z', '--date', '2026-02-30'],
        /--date must be a date like 2026-01-31; 2026-02-30 is not one: February 2026 has 28 days\./,
      );
      usage(['check', '--root', FIXTURES, '--today', '2026-02-30'], /--today must be a date like 2026-01-31; 2026-02-30 is not one/);
      usage(['check', '--root', FIXTURES, '--today', '2026-00-10'], /--today .*there is no month 00/);
      usage(
        [
          'issue',
          'create',
          '--root',
          WORKSPACE,
          '--repo',
          'acme/ledger',
          '--template',
          'bug_report',
          '--title',
          'T',
          '--owner',
          'alice',
          '--now',
          '2026-11-24T10:00:00Z',
          '--dry-run',
          '--due',
          '2026-02-30',
        ],
        /--due 2026-02-30 is not a date: February 2026 has 28 days\./,
      );
    });

    it('real ISO 8601 instants are accepted: Z, offsets with and without a colon, fractions, leap days', () => {
      const team = (value: string) => {
        const { status, stdout, stderr } = runCli('team', '--root', TEAM_WORLD, '--at', value, '--json');
        assert.equal(status, 0, `${value}: ${stderr}`);
        return (JSON.parse(stdout) as { localTime: string }[])[0]!.localTime;
      };
      const expected = '2026-11-24T16:15:00+05:45';
      for (const value of [
        '2026-11-24T10:30:00Z',
        '2026-11-24T10:30Z',
        '2026-11-24t10:30:00z',
        '2026-11-24T10:30:00.000Z',
        '2026-11-24T11:30:00+01:00',
        '2026-11-24T11:30+0100',
        '2026-11-24T05:30:00-05:00',
        '2026-11-24T16:15+05:45',
        '2026-11-25T00:30+14:00',
      ]) {
        assert.equal(team(value), expected, value);
      }
      assert.equal(team('2028-02-29T10:30:00Z'), '2028-02-29T16:15:00+05:45');
      assert.equal(team('2000-02-29T10:30:00Z'), '2000-02-29T16:15:00+05:45');
      // No offset: this machine's local time.
      const local = runCli('team', '--root', TEAM_WORLD, '--at', '2026-11-24T10:30', '--json');
      assert.equal(local.status, 0, local.stderr);
    });
  });

  describe('the --answers file', () => {
    const create = (answers: string) =>
      runCli(
        'issue',
        'create',
        '--root',
        WORKSPACE,
        '--repo',
        'acme/ledger',
        '--template',
        'bug_report',
        '--title',
        'T',
        '--owner',
        'alice',
        '--now',
        '2026-11-24T10:00:00Z',
        '--dry-run',
        '--answers',
        answers,
      );

    it('a FIFO is refused at once, naming the file, never opened', function () {
      if (process.platform === 'win32') this.skip();
      const fifo = path.join(root, 'answers.json');
      execFileSync('mkfifo', [fifo]);
      const started = Date.now();
      const { status, stdout, stderr } = create(fifo);
      assert.ok(Date.now() - started < 10_000, 'returned promptly');
      assert.equal(status, 2, stderr);
      assert.equal(stdout, '');
      assert.ok(stderr.startsWith(`async-desk: --answers: ${fifo} is not a regular file (a FIFO); not read. Give --answers a JSON file`), stderr);
    });

    it('a device is refused, naming it', function () {
      if (process.platform === 'win32') this.skip();
      const { status, stderr } = create('/dev/zero');
      assert.equal(status, 2);
      assert.match(stderr, /^async-desk: --answers: \/dev\/zero is not a regular file \(a device\); not read\. Give --answers a JSON file/);
      assert.doesNotMatch(stderr, /Invalid string length/);
    });

    it('a file over 1 MB is refused, naming it and the limit; invalid JSON names the file', () => {
      const big = path.join(root, 'big.json');
      writeFileSync(big, `{"x": "${'a'.repeat(1024 * 1024)}"}`);
      const large = create(big);
      assert.equal(large.status, 2);
      assert.ok(large.stderr.startsWith(`async-desk: --answers: ${big} is 1 MB, over the 1 MB limit; not read.`), large.stderr);
      const broken = path.join(root, 'broken.json');
      writeFileSync(broken, '{"version": ');
      const invalid = create(broken);
      assert.equal(invalid.status, 2);
      assert.ok(invalid.stderr.startsWith(`async-desk: --answers ${broken}: not valid JSON (`), invalid.stderr);
    });

    it('a file saved with a UTF-8 byte-order mark is read', () => {
      const bom = path.join(root, 'bom.json');
      writeFileSync(bom, `\uFEFF${JSON.stringify({ version: '1', 'what-happened': 'x', services: ['payouts'], checks: ['I searched the open issues.'] })}`);
      const { status, stdout, stderr } = create(bom);
      assert.equal(status, 0, stderr);
      assert.match((JSON.parse(stdout) as { body: string }).body, /### Ledger version\n\n1\n/);
    });
  });

  describe('files read only inside the root', () => {
    const SECRET = 'secretoutside';
    const outsideTeam = () =>
      writeTree(outside, {
        'team.yml': ['team: Outside', 'members:', `  - github: ${SECRET}`, `    name: ${SECRET} name`, '    timezone: Europe/Berlin', ''].join('\n'),
      });
    const problem = '.github/team.yml:1: .github/team.yml is a symbolic link to a file outside the workspace folder; not read.';
    const noSecret = (...texts: string[]) => texts.forEach((t) => assert.ok(!t.toLowerCase().includes(SECRET), t));

    it('a team file linked to a file outside the root is a problem, never read: check, team, standups, issue create', function () {
      if (process.platform === 'win32') this.skip(); // symlinks need privileges there
      outsideTeam();
      writeTree(root, {
        '.github/.keep': '',
        'docs/standups/2026-11-23/zoe.md': ['---', 'author: zoe', 'date: 2026-11-23', '---', '## Done', '## Next', '## Blockers', ''].join('\n'),
      });
      symlinkSync(path.join(outside, 'team.yml'), path.join(root, '.github', 'team.yml'));
      const check = runCli('check', '--root', root, '--today', '2026-11-24');
      assert.equal(check.status, 1);
      assert.equal(check.stdout, `${problem}\n`);
      noSecret(check.stdout, check.stderr);

      const team = runCli('team', '--root', root, '--at', '2026-11-24T10:30:00Z');
      assert.equal(team.status, 1);
      assert.equal(team.stderr, `${problem}\n`);
      assert.equal(team.stdout, '');
      const teamJson = runCli('team', '--root', root, '--at', '2026-11-24T10:30:00Z', '--json');
      assert.deepEqual([teamJson.status, teamJson.stdout, teamJson.stderr], [1, '[]\n', `${problem}\n`]);

      const standups = runCli('standups', '--root', root, '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z');
      assert.equal(standups.status, 1);
      assert.equal(standups.stderr, `${problem}\n`);
      assert.match(standups.stdout, /\nThe team file \.github\/team\.yml was not read \(see the problem above\): only the people who posted are listed\.\n/);
      assert.match(standups.stdout, /\n@zoe +posted/);
      noSecret(team.stdout, team.stderr, teamJson.stdout, standups.stdout, standups.stderr);

      const issue = runCli(
        'issue',
        'create',
        '--root',
        root,
        '--repo',
        'acme/ledger',
        '--template',
        'blocker',
        '--title',
        'T',
        '--owner',
        SECRET,
        '--due',
        'friday',
        '--now',
        '2026-11-24T10:00:00Z',
        '--dry-run',
      );
      assert.equal(issue.status, 1);
      assert.equal(issue.stdout, '');
      assert.ok(issue.stderr.startsWith(`${problem}\nasync-desk: the team file .github/team.yml was not read`), issue.stderr);
    });

    it('a team file linked inside the root is read as before', function () {
      if (process.platform === 'win32') this.skip();
      writeTree(root, {
        '.github/.keep': '',
        'config/team.yml': ['team: Inside', 'members:', '  - github: zoe', '    timezone: Europe/Berlin', ''].join('\n'),
      });
      symlinkSync(path.join('..', 'config', 'team.yml'), path.join(root, '.github', 'team.yml'));
      const { status, stdout, stderr } = runCli('team', '--root', root, '--at', '2026-11-24T10:30:00Z', '--json');
      assert.equal(status, 0, stderr);
      assert.deepEqual(
        (JSON.parse(stdout) as { github: string }[]).map((m) => m.github),
        ['zoe'],
      );
    });

    it('a team file that is a FIFO is a problem, reported at once', function () {
      if (process.platform === 'win32') this.skip();
      writeTree(root, { '.github/.keep': '' });
      execFileSync('mkfifo', [path.join(root, '.github', 'team.yml')]);
      const started = Date.now();
      const { status, stdout } = runCli('check', '--root', root, '--today', '2026-11-24');
      assert.ok(Date.now() - started < 10_000, 'returned promptly');
      assert.equal(status, 1);
      assert.equal(stdout, '.github/team.yml:1: .github/team.yml is not a regular file (a FIFO); not read.\n');
    });

    it('a standup linked to a file outside the root is never read: reported by check and standups', function () {
      if (process.platform === 'win32') this.skip();
      writeTree(outside, {
        'zoe.md': ['---', 'author: zoe', 'date: 2026-11-23', '---', '## Done', `- ${SECRET} done item`, '## Next', '## Blockers', ''].join('\n'),
      });
      writeTree(root, { 'docs/standups/2026-11-23/.keep': '' });
      symlinkSync(path.join(outside, 'zoe.md'), path.join(root, 'docs/standups/2026-11-23/zoe.md'));
      const check = runCli('check', '--root', root, '--today', '2026-11-24');
      assert.equal(check.status, 1);
      assert.match(check.stdout, /^docs\/standups\/2026-11-23\/zoe\.md:1: .*outside the workspace folder; not read\.$/m);
      const standups = runCli('standups', '--root', root, '--date', '2026-11-23', '--now', '2026-11-23T12:00:00Z');
      assert.equal(standups.status, 1);
      assert.match(standups.stderr, /^docs\/standups\/2026-11-23\/zoe\.md:1: .*outside the workspace folder; not read\.$/m);
      noSecret(check.stdout, check.stderr, standups.stdout, standups.stderr);
    });
  });
});
