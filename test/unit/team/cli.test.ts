// `async-desk team` and the team checker of `async-desk check`, run as a terminal would (dist/cli.js,
// built by scripts/build.mjs), at a fixed instant.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { requireBuiltCli, runCli } from '../cliHelpers';
import { TEAM_FIXTURES } from './helpers';

const AT = '2026-11-24T10:30:00Z'; // a Tuesday
const world = path.join(TEAM_FIXTURES, 'world');
const broken = path.join(TEAM_FIXTURES, 'broken');

const run = runCli;

describe('async-desk team', function () {
  this.timeout(30_000);

  before(requireBuiltCli);

  it('--json: one object per member with state, local time, until and next online', () => {
    const { status, stdout, stderr } = run('team', '--root', world, '--at', AT, '--json');
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((r) => [r.github, r.state, r.localTime, r.until, r.nextOnline]),
      [
        ['carol', 'working', '2026-11-24T16:15:00+05:45', '2026-11-24T18:00:00+05:45', null],
        ['lhi', 'off', '2026-11-24T21:30:00+11:00', '2026-11-25T09:00:00+11:00', '2026-11-25T09:00:00+11:00'],
        ['chat', 'off', '2026-11-25T00:15:00+13:45', '2026-11-25T08:00:00+13:45', '2026-11-25T08:00:00+13:45'],
        ['night', 'working', '2026-11-24T04:30:00-06:00', '2026-11-24T06:00:00-06:00', null],
        ['dana', 'working', '2026-11-24T14:30:00+04:00', '2026-11-24T16:00:00+04:00', null],
      ],
    );
    assert.deepEqual(rows[0], {
      github: 'carol',
      name: 'Carol Shrestha',
      timezone: 'Asia/Kathmandu',
      state: 'working',
      localTime: '2026-11-24T16:15:00+05:45',
      until: '2026-11-24T18:00:00+05:45',
      nextOnline: null,
    });
  });

  it('--json: away members carry their note; --at takes an offset', () => {
    const rows = JSON.parse(run('team', '--root', world, '--at', '2026-11-30T10:00+04:00', '--json').stdout) as Record<string, unknown>[];
    const dana = rows.find((r) => r.github === 'dana')!;
    assert.deepEqual(
      [dana.state, dana.awayNote, dana.until, dana.nextOnline],
      ['away', 'Conference', '2026-12-06T08:00:00+04:00', '2026-12-06T08:00:00+04:00'],
    );
  });

  it('prints a table: member, local time "14:32 Wed", zone, state, until', () => {
    const { status, stdout } = run('team', '--root', world, '--at', AT);
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Member\s+Local time\s+Zone\s+State\s+Until \(their time\)$/);
    assert.equal(lines.length, 6);
    assert.match(lines[1]!, /^Carol Shrestha \(@carol\)\s+16:15 Tue\s+Asia\/Kathmandu\s+working\s+18:00 Tue \(in 1 h 45 min\)$/);
    assert.match(lines[3]!, /^Chatham \(@chat\)\s+00:15 Wed\s+Pacific\/Chatham\s+off hours\s+08:00 Wed \(in 7 h 45 min\)$/);
  });

  it('a team file with problems: file:line: message on stderr, the valid members on stdout, exit 1', () => {
    const { status, stdout, stderr } = run('team', '--root', broken, '--at', AT, '--json');
    assert.equal(status, 1);
    assert.deepEqual(
      (JSON.parse(stdout) as { github: string }[]).map((r) => r.github),
      ['ok', 'typo'],
    );
    const problems = stderr.trimEnd().split('\n');
    assert.equal(problems.length, 15);
    assert.ok(
      problems.includes('.github/team.yml:11: Unknown time zone "Mars/Olympus_Mons". Use an IANA zone such as Europe/Berlin or America/New_York.'),
      stderr,
    );
    assert.ok(problems.includes('.github/team.yml:24: Duplicate member @OK: already listed on line 7.'), stderr);
  });

  it('--team-file names another file, relative to the root', () => {
    const { status, stdout } = run('team', '--root', TEAM_FIXTURES, '--team-file', 'world/.github/team.yml', '--at', AT, '--json');
    assert.equal(status, 0);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 5);
  });

  it('a missing team file: a clear message and exit 2', () => {
    const { status, stdout, stderr } = run('team', '--root', path.join(TEAM_FIXTURES, '..', 'decisions', 'native'), '--at', AT);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^async-desk: no team file at \.github\/team\.yml in .*native\. Create one \(see the README\) or pass --team-file\.\n$/);
  });

  it('a bad --at is a usage error (exit 2)', () => {
    for (const value of ['tomorrow', '2026-11-24', '2026-13-40T10:00Z']) {
      const { status, stderr } = run('team', '--root', world, '--at', value);
      assert.equal(status, 2, value);
      assert.match(stderr, /--at must be an ISO 8601 date and time/);
    }
  });
});

describe('async-desk check (team file)', function () {
  this.timeout(30_000);

  before(requireBuiltCli);

  it('reports team file problems as file:line: message and exits 1', () => {
    const { status, stdout } = run('check', '--root', broken, '--today', '2026-11-24');
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 15);
    assert.equal(lines[0], '.github/team.yml:3: Response time "15 minutes" for urgent is not a duration like 15m, 4h, 24h or 2d.');
    assert.ok(lines.includes('.github/team.yml:23: Away range ends (2026-12-01) before it starts (2026-12-20).'));
  });

  it('a valid team file, and no team file at all, are not problems', () => {
    assert.deepEqual([run('check', '--root', world).status, run('check', '--root', world).stdout], [0, 'No problems found.\n']);
    assert.equal(run('check', '--root', path.join(TEAM_FIXTURES, '..', 'decisions', 'adr-tools'), '--today', '2026-11-21').status, 0);
  });
});
