// Hostile repositories through every CLI command (the same core the extension runs at folder open, in
// Restricted Mode too). Each case is a small valid repository with one hostile change, built at run
// time in a temporary folder (symlinks and FIFOs are never committed). For each case and command:
//  - it finishes within a bound, and within a capped heap (a runaway read or parse dies instead of
//    eating the machine, and fails the test);
//  - no stack trace or raw JavaScript error reaches the user;
//  - nothing from outside the repository is read: a canary string planted outside never appears;
//  - nothing in the repository is written;
//  - `check` names the hostile file with a clear problem.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, requireBuiltCli } from '../cliHelpers';

const CANARY = 'CANARYoutsideTHErepo';
/** Fixed instants: nothing here depends on today. */
const AT = '2026-11-24T09:30:00Z';
const DAY = '2026-11-24';
/** Per command: generous for a loaded CI machine; the bugs this guards against took minutes or forever. */
const TIME_LIMIT_MS = 15_000;
const HEAP_MB = 256;

interface Case {
  name: string;
  /** Makes the hostile change in `root`; `outside` is a folder next to it holding canary files. */
  make(root: string, outside: string): void;
  /** What `check` must say: the file it names and a word of the problem. */
  expect?: { file: string; message: RegExp };
}

const base = {
  '.github/team.yml':
    'team: Ledger\nmembers:\n  - github: alice\n    name: Alice Ng\n    timezone: Europe/Berlin\n  - github: bob\n    timezone: America/New_York\n',
  'docs/decisions/0001-use-postgres.md': '---\nstatus: accepted\ndate: 2026-11-20\nowner: alice\n---\n# Use Postgres\n\n## Context\n\nx\n',
  'docs/decisions/0002-use-kafka.md': '---\nstatus: proposed\ndate: 2026-11-21\nowner: bob\n---\n# Use Kafka\n',
  [`docs/standups/${DAY}/alice.md`]: `---\nauthor: alice\ndate: ${DAY}\n---\n## Done\n- x\n## Next\n- y\n## Blockers\n`,
  '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug\ndescription: A bug\nbody:\n  - type: textarea\n    id: what\n    attributes: { label: What happened? }\n',
};

const outsideFiles = {
  'secret.md': `---\nstatus: accepted\n---\n# ${CANARY} record\n`,
  'team.yml': `members:\n  - github: ${CANARY.toLowerCase()}\n    name: ${CANARY}\n    timezone: UTC\n`,
  'template.yml': `name: ${CANARY}\ndescription: x\nbody:\n  - type: input\n    id: a\n    attributes: { label: ${CANARY} }\n`,
  'standup.md': `---\nauthor: alice\ndate: ${DAY}\n---\n## Done\n- ${CANARY}\n`,
  'adr/0001-canary.md': `# 1. ${CANARY}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`,
  'templates/evil.yml': `name: ${CANARY}\ndescription: x\nbody:\n  - type: input\n    id: a\n    attributes: { label: x }\n`,
};

const nest = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const link = (root: string, rel: string, target: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  rmSync(path.join(root, rel), { recursive: true, force: true });
  symlinkSync(target, path.join(root, rel));
};
const fifo = (root: string, rel: string) => {
  rmSync(path.join(root, rel), { force: true });
  execFileSync('mkfifo', [path.join(root, rel)]);
};
const write = (root: string, rel: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};

const CASES: Case[] = [
  {
    name: 'a record linked to /dev/zero',
    make: (r) => link(r, 'docs/decisions/0009-z.md', '/dev/zero'),
    expect: { file: 'docs/decisions/0009-z.md', message: /outside the workspace folder/ },
  },
  {
    name: 'a standup linked to /dev/urandom',
    make: (r) => link(r, `docs/standups/${DAY}/bob.md`, '/dev/urandom'),
    expect: { file: `docs/standups/${DAY}/bob.md`, message: /outside the workspace folder/ },
  },
  {
    name: 'a record linked to /dev/stdin',
    make: (r) => link(r, 'docs/decisions/0009-in.md', '/dev/stdin'),
    expect: {
      file: 'docs/decisions/0009-in.md',
      message: /symbolic link to something that is not a file in the workspace folder|outside the workspace folder/,
    },
  },
  {
    name: 'a record that is a FIFO',
    make: (r) => fifo(r, 'docs/decisions/0009-fifo.md'),
    expect: { file: 'docs/decisions/0009-fifo.md', message: /not a regular file/ },
  },
  {
    name: 'a standup that is a FIFO',
    make: (r) => fifo(r, `docs/standups/${DAY}/bob.md`),
    expect: { file: `docs/standups/${DAY}/bob.md`, message: /not a regular file/ },
  },
  { name: 'the team file is a FIFO', make: (r) => fifo(r, '.github/team.yml'), expect: { file: '.github/team.yml', message: /not a regular file/ } },
  {
    name: 'an issue template that is a FIFO',
    make: (r) => fifo(r, '.github/ISSUE_TEMPLATE/bug.yml'),
    expect: { file: '.github/ISSUE_TEMPLATE/bug.yml', message: /not a regular file/ },
  },
  {
    name: 'the template config is a FIFO',
    make: (r) => fifo(r, '.github/ISSUE_TEMPLATE/config.yml'),
    expect: { file: '.github/ISSUE_TEMPLATE/config.yml', message: /not a regular file/ },
  },
  {
    name: 'a record linked to a file outside',
    make: (r, o) => link(r, 'docs/decisions/0009-x.md', path.join(o, 'secret.md')),
    expect: { file: 'docs/decisions/0009-x.md', message: /outside the workspace folder/ },
  },
  {
    name: 'a record linked to /etc/passwd',
    make: (r) => link(r, 'docs/decisions/0009-passwd.md', '/etc/passwd'),
    expect: { file: 'docs/decisions/0009-passwd.md', message: /outside the workspace folder/ },
  },
  {
    name: 'a standup linked to a file outside',
    make: (r, o) => link(r, `docs/standups/${DAY}/bob.md`, path.join(o, 'standup.md')),
    expect: { file: `docs/standups/${DAY}/bob.md`, message: /outside the workspace folder/ },
  },
  {
    name: 'the team file linked to a file outside',
    make: (r, o) => link(r, '.github/team.yml', path.join(o, 'team.yml')),
    expect: { file: '.github/team.yml', message: /outside the workspace folder/ },
  },
  {
    name: 'a template linked to a file outside',
    make: (r, o) => link(r, '.github/ISSUE_TEMPLATE/evil.yml', path.join(o, 'template.yml')),
    expect: { file: '.github/ISSUE_TEMPLATE/evil.yml', message: /outside the workspace folder/ },
  },
  {
    name: 'docs/ISSUE_TEMPLATE linked to a folder outside',
    make: (r, o) => link(r, 'docs/ISSUE_TEMPLATE', path.join(o, 'templates')),
    expect: { file: 'docs/ISSUE_TEMPLATE', message: /outside the workspace folder/ },
  },
  {
    name: 'the decisions folder linked to a folder outside',
    make: (r, o) => link(r, 'docs/decisions', path.join(o, 'adr')),
    expect: { file: 'docs/decisions', message: /outside the workspace folder/ },
  },
  {
    name: 'a day folder linked to a folder outside',
    make: (r, o) => link(r, 'docs/standups/2026-11-23', o),
    expect: { file: 'docs/standups/2026-11-23', message: /outside the workspace folder/ },
  },
  {
    name: '.adr-dir with an absolute path outside',
    make: (r, o) => write(r, '.adr-dir', `${path.join(o, 'adr')}\n`),
    expect: { file: '.adr-dir', message: /outside the workspace folder/ },
  },
  {
    name: '.adr-dir with ../../..',
    make: (r) => write(r, '.adr-dir', '../../../../../../etc\n'),
    expect: { file: '.adr-dir', message: /outside the workspace folder/ },
  },
  {
    name: '.log4brains.yml folders outside and at /',
    make: (r, o) => write(r, '.log4brains.yml', `project:\n  adrFolder: /\n  packages:\n    - name: evil\n      adrFolder: ${path.join(o, 'adr')}\n`),
    expect: { file: '.log4brains.yml', message: /outside the workspace folder/ },
  },
  {
    name: 'a huge team file (2 MB)',
    make: (r) => write(r, '.github/team.yml', `members:\n${'  - github: someone\n    timezone: UTC\n'.repeat(60_000)}`),
    expect: { file: '.github/team.yml', message: /over the 1 MB limit/ },
  },
  {
    name: 'a huge record (3 MB)',
    make: (r) => write(r, 'docs/decisions/0009-huge.md', `# Huge\n\n${'lorem ipsum '.repeat(260_000)}`),
    expect: { file: 'docs/decisions/0009-huge.md', message: /over the 1 MB limit/ },
  },
  {
    name: 'a record link loop',
    make: (r) => (link(r, 'docs/decisions/0009-a.md', '0009-b.md'), link(r, 'docs/decisions/0009-b.md', '0009-a.md')),
    expect: { file: 'docs/decisions/0009-a.md', message: /loops/ },
  },
  {
    name: 'a record in UTF-16 without a byte-order mark',
    make: (r) => write(r, 'docs/decisions/0009-utf16.md', Buffer.from('---\nstatus: accepted\n---\n# UTF-16 record\n', 'utf16le')),
    expect: { file: 'docs/decisions/0009-utf16.md', message: /UTF-16/ },
  },
  {
    name: 'an issue form nested 5,000 levels deep',
    make: (r) => write(r, '.github/ISSUE_TEMPLATE/deep.yml', `name: Deep\ndescription: x\nbody: ${nest(5000)}\n`),
    expect: { file: '.github/ISSUE_TEMPLATE/deep.yml', message: /./ },
  },
  {
    name: 'config.yml nested 5,000 levels deep',
    make: (r) => write(r, '.github/ISSUE_TEMPLATE/config.yml', `contact_links: ${nest(5000)}\n`),
    expect: { file: '.github/ISSUE_TEMPLATE/config.yml', message: /./ },
  },
  {
    name: 'Markdown template front matter nested 5,000 levels deep',
    make: (r) => write(r, '.github/ISSUE_TEMPLATE/deep.md', `---\nname: Deep\nabout: x\nlabels: ${nest(5000)}\n---\nBody\n`),
    expect: { file: '.github/ISSUE_TEMPLATE/deep.md', message: /./ },
  },
  {
    name: 'a dropdown with 100,000 options',
    make: (r) =>
      write(
        r,
        '.github/ISSUE_TEMPLATE/big.yml',
        `name: Big\ndescription: x\nbody:\n  - type: dropdown\n    id: d\n    attributes:\n      label: D\n      options:\n${Array.from({ length: 100_000 }, (_, i) => `        - option ${i}\n`).join('')}`,
      ),
  },
  {
    name: 'defaultDue of +999999 workdays',
    make: (r) => write(r, '.github/team.yml', `${base['.github/team.yml']}issues:\n  defaultDue: "+999999 workdays"\n`),
    expect: { file: '.github/team.yml', message: /./ },
  },
];

const COMMANDS: string[][] = [['decisions'], ['check'], ['standups', '--date', DAY, '--now', AT], ['templates'], ['team', '--at', AT]];

/** Every path in the tree with its type and content hash (links by target), to prove nothing was written. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(path.join(root, child));
      if (stats.isSymbolicLink()) out[child] = `link:${readlinkSync(path.join(root, child))}`;
      else if (stats.isDirectory()) {
        out[child] = 'dir';
        walk(child);
      } else if (stats.isFile())
        out[child] = createHash('sha1')
          .update(readFileSync(path.join(root, child)))
          .digest('hex');
      else out[child] = 'special';
    }
  };
  walk('');
  return out;
}

describe('Hostile repositories through every CLI command', function () {
  this.timeout(CASES.length * COMMANDS.length * TIME_LIMIT_MS);
  let scratch: string;
  before(() => {
    requireBuiltCli();
    scratch = mkdtempSync(path.join(tmpdir(), 'async-desk-hostile-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const [index, c] of CASES.entries()) {
    it(c.name, function () {
      this.timeout(COMMANDS.length * TIME_LIMIT_MS + 5_000);
      const root = path.join(scratch, `case-${index}`, 'repo');
      const outside = path.join(scratch, `case-${index}`, 'outside');
      for (const [rel, text] of Object.entries(base)) write(root, rel, text);
      for (const [rel, text] of Object.entries(outsideFiles)) write(outside, rel, text);
      c.make(root, outside);
      const before = snapshot(root);
      const outputs: string[] = [];
      for (const command of COMMANDS) {
        const started = Date.now();
        // stdin is a pipe that stays open: a read of /dev/stdin would wait for it until the time limit.
        const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--stack-size=984', CLI, ...command, '--root', root], {
          encoding: 'utf8',
          timeout: TIME_LIMIT_MS,
          maxBuffer: 64 * 1024 * 1024,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const ms = Date.now() - started;
        const what = `${command.join(' ')} (${ms} ms, exit ${result.status}, signal ${result.signal})`;
        assert.equal(result.error, undefined, `${what}: ${result.error?.message}`);
        assert.ok(result.status === 0 || result.status === 1, `${what} ended abnormally; stderr: ${result.stderr.slice(0, 500)}`);
        const output = result.stdout + result.stderr;
        assert.doesNotMatch(
          output,
          /Maximum call stack|Invalid string length|heap out of memory|\n\s+at .+:\d+:\d+\)?\n/,
          `${what} printed an internal error: ${output.slice(0, 800)}`,
        );
        assert.ok(!output.includes(CANARY) && !output.includes(CANARY.toLowerCase()), `${what} printed content from outside the repository`);
        assert.doesNotMatch(output, /root:x:0:0/, `${what} printed /etc/passwd`);
        outputs.push(`$ ${what}\n${output}`);
        if (command[0] === 'check' && c.expect) {
          const lines = result.stderr.split('\n').concat(result.stdout.split('\n'));
          const named = lines.filter((l) => l.startsWith(`${c.expect!.file}:`));
          assert.ok(
            named.some((l) => c.expect!.message.test(l)),
            `check does not report ${c.expect.file} ${c.expect.message}:\n${output.slice(0, 1500)}`,
          );
          assert.equal(result.status, 1, 'check exits 1 on a problem');
        }
      }
      assert.deepEqual(snapshot(root), before, `the repository changed:\n${outputs.join('\n')}`);
    });
  }

  it('unreadable files and folders are problems, not silence (run as an unprivileged user: root reads anything)', function () {
    const asNobody = process.getuid?.() === 0;
    if (asNobody && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status !== 0) this.skip();
    const root = path.join(scratch, 'unreadable', 'repo');
    for (const [rel, text] of Object.entries(base)) write(root, rel, text);
    write(root, 'docs/decisions/0003-locked.md', '# Locked\n');
    write(root, 'docs/standups/2026-11-23/bob.md', '---\nauthor: bob\ndate: 2026-11-23\n---\n## Done\n- x\n');
    // Everything readable by all, then two things by nobody.
    execFileSync('chmod', ['-R', 'a+rX', path.join(scratch, 'unreadable')]);
    execFileSync('chmod', ['a+x', scratch]);
    execFileSync('chmod', ['000', path.join(root, 'docs/decisions/0003-locked.md')]);
    execFileSync('chmod', ['000', path.join(root, 'docs/standups/2026-11-23')]);
    try {
      const command = asNobody ? ['runuser', '-u', 'nobody', '--', process.execPath] : [process.execPath];
      const result = spawnSync(command[0]!, [...command.slice(1), CLI, 'check', '--root', root], { encoding: 'utf8', timeout: TIME_LIMIT_MS });
      const output = result.stdout + result.stderr;
      assert.equal(result.status, 1, output);
      assert.match(output, /^docs\/decisions\/0003-locked\.md:1: docs\/decisions\/0003-locked\.md cannot be read: permission denied\.$/m);
      assert.match(output, /^docs\/standups\/2026-11-23:1: docs\/standups\/2026-11-23 cannot be read: permission denied; its standups are not shown\.$/m);
    } finally {
      execFileSync('chmod', ['-R', 'u+rwX', path.join(scratch, 'unreadable')]);
    }
  });

  it('the guard can fail: a canary inside the repository is printed (so its absence above means something)', () => {
    const root = path.join(scratch, 'control', 'repo');
    for (const [rel, text] of Object.entries(base)) write(root, rel, text);
    write(root, 'docs/decisions/0003-canary.md', `# ${CANARY}\n`);
    const result = spawnSync(process.execPath, [CLI, 'decisions', '--root', root], { encoding: 'utf8', timeout: TIME_LIMIT_MS });
    assert.ok(result.stdout.includes(CANARY), result.stdout);
  });
});
