// The CLI's argument parser (src/cli/args.ts) in-process: what each command line becomes, and the
// exact messages of the mistakes it refuses. The end-to-end runs of the built CLI are in
// test/unit/cli.test.ts and the capability folders.
import assert from 'node:assert/strict';
import { parseCommandLine, USAGE, type Invocation } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/usageError';

/** The invocation of a command line the parser accepts. */
function run(...argv: string[]): Invocation {
  const line = parseCommandLine(argv);
  assert.equal(line.kind, 'run', JSON.stringify(line));
  return (line as { invocation: Invocation }).invocation;
}

/** The message of the UsageError a command line is refused with. */
function refused(...argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`accepted: ${argv.join(' ')}`);
}

describe('CLI arguments', () => {
  it('--help, -h and the command "help" ask for the usage, whatever else is wrong', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['decisions', '--help'], ['help', '--date', '2026-02-30'], ['nonsense', 'extra', '-h']]) {
      assert.deepEqual(parseCommandLine(argv), { kind: 'help' }, argv.join(' '));
    }
  });

  it("a command line node's parser refuses is malformed, with node's message", () => {
    const unknown = parseCommandLine(['decisions', '--bogus']);
    assert.equal(unknown.kind, 'malformed');
    assert.match((unknown as { message: string }).message, /Unknown option '--bogus'/);
    const noValue = parseCommandLine(['decisions', '--root']);
    assert.equal(noValue.kind, 'malformed');
    assert.match((noValue as { message: string }).message, /--root/);
    // Even with --help: the words themselves cannot be read.
    assert.equal(parseCommandLine(['--help', '--bogus']).kind, 'malformed');
  });

  it('defaults: no option given', () => {
    const args = run('decisions');
    assert.equal(args.command, 'decisions');
    assert.equal(args.json, false);
    for (const key of ['root', 'decisionsDir', 'teamFile', 'standupsDir', 'today', 'date', 'me'] as const) assert.equal(args[key], undefined, key);
    assert.deepEqual(args.issue, {
      repo: undefined,
      template: undefined,
      title: undefined,
      answers: undefined,
      owner: undefined,
      due: undefined,
      dryRun: false,
      apiUrl: undefined,
      noTitlePrefix: false,
    });
    // --at and --now default to the clock.
    assert.ok(Math.abs(args.at.getTime() - Date.now()) < 60_000);
    assert.ok(Math.abs(args.now.getTime() - Date.now()) < 60_000);
  });

  it('every option reaches the invocation', () => {
    const args = run(
      'standups',
      '--root',
      'repo',
      '--decisions-dir',
      'adr',
      '--team-file',
      'team.yml',
      '--standups-dir',
      'su',
      '--today',
      '2026-11-24',
      '--date',
      '2026-11-23',
      '--at',
      '2026-11-24T10:30:00Z',
      '--now',
      '2026-11-24T11:30+01:00',
      '--me',
      ' @Alice ',
      '--json',
    );
    assert.deepEqual(
      { ...args, at: args.at.toISOString(), now: args.now.toISOString(), issue: undefined, standup: undefined },
      {
        command: 'standups',
        root: 'repo',
        decisionsDir: 'adr',
        teamFile: 'team.yml',
        standupsDir: 'su',
        today: '2026-11-24',
        date: '2026-11-23',
        at: '2026-11-24T10:30:00.000Z',
        now: '2026-11-24T10:30:00.000Z',
        me: 'Alice',
        json: true,
        issue: undefined,
        standup: undefined,
      },
    );
    const issue = run(
      'issue',
      'create',
      '--repo',
      'acme/ledger',
      '--template',
      'bug_report',
      '--title',
      'Broken',
      '--answers',
      'a.json',
      '--owner',
      '@bob',
      '--due',
      '+1 workday',
      '--dry-run',
      '--api-url',
      'https://ghe.example/api/v3',
      '--no-title-prefix',
    );
    assert.equal(issue.command, 'issue');
    assert.deepEqual(issue.issue, {
      repo: 'acme/ledger',
      template: 'bug_report',
      title: 'Broken',
      answers: 'a.json',
      owner: '@bob',
      due: '+1 workday',
      dryRun: true,
      apiUrl: 'https://ghe.example/api/v3',
      noTitlePrefix: true,
    });
  });

  it('--me: trimmed and without "@"; blank is no --me', () => {
    assert.equal(run('standups', '--me', '@carol').me, 'carol');
    assert.equal(run('standups', '--me', '   ').me, undefined);
    assert.equal(run('standups', '--me', '').me, undefined);
  });

  it('an option value may start with "-" (template files named ---bug-report.yml)', () => {
    const args = run('issue', 'create', '--template', '---bug-report', '--title', '-1 is wrong', '--owner', '-x');
    assert.equal(args.issue.template, '---bug-report');
    assert.equal(args.issue.title, '-1 is wrong');
    assert.equal(args.issue.owner, '-x');
    assert.equal(run('decisions', '--root=-dir').root, '-dir');
    // After "--" everything is an argument: decisions takes none.
    assert.equal(refused('decisions', '--', '--json'), 'unexpected argument "--json".');
  });

  it('refuses a missing, unknown or extra command word', () => {
    assert.equal(refused(), 'no command given.');
    assert.equal(refused('--json'), 'no command given.');
    assert.equal(refused('issue'), 'issue needs a command: issue create.');
    assert.equal(refused('issue', 'open'), 'unknown issue command "open"; did you mean "issue create"?');
    assert.equal(refused('decisions', 'docs'), 'unexpected argument "docs".');
    assert.equal(refused('issue', 'create', 'now'), 'unexpected argument "now".');
    // An unknown command is main's to refuse (after --root is checked): the parser passes it on.
    assert.equal(run('frobnicate').command, 'frobnicate');
  });

  it('refuses a date that is not a real calendar date', () => {
    assert.equal(refused('check', '--today', 'tomorrow'), '--today must be a date like 2026-01-31.');
    assert.equal(refused('standups', '--date', '2026-2-3'), '--date must be a date like 2026-01-31.');
    assert.equal(refused('standups', '--date', '2026-02-30'), '--date must be a date like 2026-01-31; 2026-02-30 is not one: February 2026 has 28 days.');
    assert.equal(refused('standups', '--date', '2026-13-01'), '--date must be a date like 2026-01-31; 2026-13-01 is not one: there is no month 13.');
    assert.equal(run('standups', '--date', '2028-02-29').date, '2028-02-29'); // a leap year
    assert.equal(refused('standups', '--date', '2100-02-29'), '--date must be a date like 2026-01-31; 2100-02-29 is not one: February 2100 has 28 days.');
  });

  it('--due: presets and rules pass (the core reads them), a date must be a real one', () => {
    assert.equal(run('issue', 'create', '--due', 'friday').issue.due, 'friday');
    assert.equal(run('issue', 'create', '--due', ' 2026-12-01 ').issue.due, ' 2026-12-01 ');
    assert.equal(refused('issue', 'create', '--due', '2026-11-31'), '--due 2026-11-31 is not a date: November 2026 has 30 days.');
  });

  it('--at and --now: ISO 8601 instants, strictly', () => {
    const shape = (option: string) => `${option} must be an ISO 8601 date and time like 2026-11-24T10:30:00Z or 2026-11-24T11:30+01:00`;
    assert.equal(run('team', '--at', '2026-11-24T10:30:15.25Z').at.toISOString(), '2026-11-24T10:30:15.250Z');
    assert.equal(run('team', '--at', '2026-11-24T05:30-0500').at.toISOString(), '2026-11-24T10:30:00.000Z');
    assert.equal(run('team', '--at', '2026-11-24T12:30+02').at.toISOString(), '2026-11-24T10:30:00.000Z');
    // No offset: this machine's local time.
    assert.equal(run('team', '--at', '2026-11-24T10:30').at.getTime(), new Date(2026, 10, 24, 10, 30).getTime());
    assert.equal(refused('team', '--at', '2026-11-24'), `${shape('--at')}.`);
    assert.equal(refused('team', '--now', 'yesterday'), `${shape('--now')}.`);
    assert.equal(refused('team', '--at', '2026-11-24T24:00Z'), `${shape('--at')}; 2026-11-24T24:00Z is not one: hours go from 00 to 23, not 24.`);
    assert.equal(refused('team', '--at', '2026-11-24T10:60Z'), `${shape('--at')}; 2026-11-24T10:60Z is not one: minutes go from 00 to 59, not 60.`);
    assert.equal(refused('team', '--at', '2026-11-24T10:30:60Z'), `${shape('--at')}; 2026-11-24T10:30:60Z is not one: seconds go from 00 to 59, not 60.`);
    assert.equal(refused('team', '--now', '2026-02-30T10:00Z'), `${shape('--now')}; 2026-02-30T10:00Z is not one: February 2026 has 28 days.`);
    assert.equal(
      refused('team', '--at', '2026-11-24T10:00+25:00'),
      `${shape('--at')}; 2026-11-24T10:00+25:00 is not one: the offset +25:00 is not one: offsets go from -23:59 to +23:59.`,
    );
  });

  it('the usage text: one line a command, and every option it names is one the parser takes', () => {
    assert.ok(USAGE.startsWith('Usage: async-desk <command> [options]\n'));
    for (const command of ['decisions', 'team', 'standups', 'templates', 'issue create', 'check', 'standup post', 'sync']) {
      assert.match(USAGE, new RegExp(`^  ${command}\\b`, 'm'), command);
    }
    const options = new Set(USAGE.match(/(?<![-\w])--[a-z][a-z-]*/g));
    assert.ok(options.size >= 20, [...options].join(' '));
    for (const option of options) {
      // A string option takes "x"; a boolean one leaves it as an extra argument. Neither is malformed.
      let kind: string;
      try {
        kind = parseCommandLine(['decisions', option, 'x']).kind;
      } catch (error) {
        assert.ok(error instanceof UsageError, `${option}: ${String(error)}`);
        kind = 'refused value';
      }
      assert.notEqual(kind, 'malformed', option);
    }
  });
});
