// `async-desk templates`, `async-desk issue create` and the templates checker of `async-desk check`,
// run as a terminal would (dist/cli.js). The real send goes to the loopback fake GitHub, which checks
// the request against GitHub's OpenAPI description.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireBuiltCli, runCli, runCliAsync, runCliWithEnv } from '../cliHelpers';
import { DEFAULT_TOKEN, startFakeGitHub, type FakeGitHub } from '../../fakeGithub/server';
import { repoWith } from './helpers';

const WORKSPACE = path.resolve('test/fixtures/workspace');
const NOW = '2026-11-24T10:00:00Z'; // Tuesday, 11:00 in Berlin

const ANSWERS = {
  version: '2026.11.3',
  'what-happened': 'Expected: 201\nActual: 422',
  services: ['payouts', 'postings'],
  checks: ['I searched the open issues.'],
};

/** What the workspace's bug_report form sends for ANSWERS, owned by alice (team file: +1 workday, triage). */
// The title gets the form's prefix (title: "[Bug]: ") as github.com pre-fills it; --title was sent
// without it before (wrong: the issue asks for the prefix; --no-title-prefix opts out).
const REQUEST = {
  title: '[Bug]: Posting fails with 422',
  body: [
    '### Ledger version',
    '',
    '2026.11.3',
    '',
    '### What happened?',
    '',
    'Expected: 201',
    'Actual: 422',
    '',
    '### Relevant log output',
    '',
    '_No response_',
    '',
    '### Environment',
    '',
    'staging',
    '',
    '### Services involved',
    '',
    'postings, payouts',
    '',
    '### Before you submit',
    '',
    '- [x] I searched the open issues.',
    '- [ ] I can reproduce it on staging.',
    '',
    'Due: 2026-11-25 (Wed) 17:30 Europe/Berlin, end of day for @alice',
  ].join('\n'),
  labels: ['bug', 'triage'],
  assignees: ['alice'],
};

describe('async-desk templates and issue create', function () {
  this.timeout(30_000);
  const answersFile = path.join(tmpdir(), `async-desk-answers-${process.pid}.json`);
  const roots: string[] = [];

  before(() => {
    requireBuiltCli();
    writeFileSync(answersFile, JSON.stringify(ANSWERS));
  });
  after(() => {
    rmSync(answersFile, { force: true });
    roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
  });

  const create = (...extra: string[]) => [
    'issue',
    'create',
    '--root',
    WORKSPACE,
    '--repo',
    'acme/ledger',
    '--template',
    'bug_report',
    '--title',
    'Posting fails with 422',
    '--answers',
    answersFile,
    '--owner',
    'alice',
    '--now',
    NOW,
    ...extra,
  ];

  it("templates --json: github.com's order, with name, kind, file, title, labels, assignees", () => {
    const { status, stdout, stderr } = runCli('templates', '--root', 'demo', '--json');
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((r) => [r.name, r.kind, r.file]),
      [
        ['Action item', 'form', '.github/ISSUE_TEMPLATE/action_item.yml'],
        ['Bug report', 'form', '.github/ISSUE_TEMPLATE/bug_report.yml'],
        ['Decision review', 'markdown', '.github/ISSUE_TEMPLATE/decision_review.md'],
      ],
    );
    assert.deepEqual(rows[2], {
      name: 'Decision review',
      kind: 'markdown',
      file: '.github/ISSUE_TEMPLATE/decision_review.md',
      key: 'decision_review',
      builtIn: false,
      about: 'Reopen a decision record whose review date has passed or whose review trigger has fired.',
      title: 'Review ADR-NNNN: ',
      labels: ['decision', 'review'],
      assignees: [],
      projects: [],
      type: null,
      fields: [],
    });
    assert.deepEqual((rows[0]!.fields as unknown[]).slice(3, 5), [
      { id: 'field-4', type: 'input', label: 'Link', required: false },
      {
        id: 'areas',
        type: 'dropdown',
        label: 'Areas affected',
        required: false,
        options: ['Ledger', 'Payouts', 'Reconciliation', 'Merchant reports', 'Dashboard'],
        multiple: true,
      },
    ]);
  });

  it('templates: a table, the built-ins when there are none, contact links apart', () => {
    const demo = runCli('templates', '--root', 'demo');
    assert.equal(demo.status, 0);
    assert.match(demo.stdout, /^Name\s+Kind\s+Labels\s+File\nAction item\s+form\s+action-item\s+\.github\/ISSUE_TEMPLATE\/action_item\.yml\n/);
    assert.match(
      demo.stdout,
      /Blank issues are turned off \(config\.yml\)\.\n\nContact links:\n {2}Production incident: https:\/\/status\.example\.com\/payments\/report\n/,
    );
    const empty = repoWith({ 'README.md': '# x\n' });
    roots.push(empty);
    const builtIn = runCli('templates', '--root', empty);
    assert.equal(builtIn.status, 0);
    assert.match(builtIn.stdout, /^No issue templates in \.github\/ISSUE_TEMPLATE or docs\/ISSUE_TEMPLATE: these are the built-in ones\.\n/);
    assert.match(builtIn.stdout, /\nBlocker\s+form\s+blocker\s+\(built in: blocker\)\n/);
  });

  it('check reports template problems with file and line, and templates exits 1 on errors', () => {
    const root = repoWith({
      '.github/ISSUE_TEMPLATE/bug.yml':
        'name: Bug\ndescription: D\nlabels: { a: 1 }\nbody:\n  - type: input\n    id: x\n    attributes: { label: X }\n  - type: input\n    id: x\n    attributes: { label: Y }\n  - type: date\n    attributes: { label: Z }\n',
      '.github/ISSUE_TEMPLATE/broken.yml': 'name: [unclosed\n',
    });
    roots.push(root);
    const { status, stdout } = runCli('check', '--root', root, '--today', '2026-11-24');
    assert.equal(status, 1);
    const out = stdout.trimEnd().split('\n');
    assert.ok(out.includes('.github/ISSUE_TEMPLATE/bug.yml:3: `labels` must be a list of names or one comma-separated string.'), stdout);
    assert.ok(out.includes('.github/ISSUE_TEMPLATE/bug.yml:8: Duplicate id "x" (also on line 5): ids must be unique.'), stdout);
    assert.ok(
      out.includes('.github/ISSUE_TEMPLATE/bug.yml:11: "date" is not a field type. Use one of: markdown, input, textarea, dropdown, checkboxes, upload.'),
      stdout,
    );
    assert.ok(
      out.some((l) => l.startsWith('.github/ISSUE_TEMPLATE/broken.yml:2: Not valid YAML')),
      stdout,
    );
    assert.ok(out.includes('.github/ISSUE_TEMPLATE/broken.yml:1: This template has no usable `name`, so it is not offered.'), stdout);
    const templates = runCli('templates', '--root', root, '--json');
    assert.equal(templates.status, 1);
    assert.deepEqual(
      (JSON.parse(templates.stdout) as { name: string }[]).map((t) => t.name),
      ['Bug'],
    );
    assert.match(templates.stderr, /bug\.yml:11: "date" is not a field type/);
  });

  describe('uploads, title prefixes, form assignees, option-like template names, config.yml problems', () => {
    const FORM = [
      'name: Bug report',
      'description: Something broke.',
      'title: "[bug] "',
      'assignees: [bob, Alice]',
      'body:',
      '  - type: input',
      '    id: version',
      '    attributes: { label: Version }',
      '    validations: { required: true }',
      '  - type: upload',
      '    id: screenshots',
      '    attributes: { label: Screenshots, description: The crash. }',
      '    validations: { required: true }',
      '  - type: dropdown',
      '    id: platform',
      '    attributes: { label: Platform, options: [Linux, macOS] }',
      '',
    ].join('\n');
    const TEAM = ['members:', '  - { github: alice, timezone: Europe/Berlin, hours: "09:00-17:30" }', '  - { github: carol, timezone: UTC }', ''].join('\n');
    let root = '';
    let answers = '';
    before(() => {
      root = repoWith({
        '.github/ISSUE_TEMPLATE/---bug-report.yml': FORM,
        '.github/ISSUE_TEMPLATE/config.yml':
          'blank_issues_enabled: false\ncontact_links:\n  - name: Forum\n    about: Ask there\n  - { name: Chat, url: "https://chat.example", about: Ask }\n',
        '.github/team.yml': TEAM,
        'answers.json': JSON.stringify({ version: '1.2.3' }),
      });
      roots.push(root);
      answers = path.join(root, 'answers.json');
    });
    const createIn = (...extra: string[]) => [
      'issue',
      'create',
      '--root',
      root,
      '--repo',
      'acme/app',
      '--answers',
      answers,
      '--owner',
      'carol',
      '--due',
      '2026-11-27',
      '--now',
      NOW,
      '--dry-run',
      ...extra,
    ];

    it('templates: a contact link without url is a warning, the templates are listed and it exits 0; uploads are listed with a note', () => {
      const table = runCli('templates', '--root', root);
      assert.equal(table.status, 0, table.stderr);
      assert.equal(
        table.stderr,
        '.github/ISSUE_TEMPLATE/config.yml:3: The contact link needs `url`; github.com leaves it out of the template chooser, and so does Async Desk.\n',
      );
      assert.match(table.stdout, /^Name\s+Kind\s+Labels\s+File\nBug report\s+form\s+\.github\/ISSUE_TEMPLATE\/---bug-report\.yml\n/);
      assert.match(table.stdout, /Contact links:\n {2}Chat: https:\/\/chat\.example\n/);
      assert.doesNotMatch(table.stdout, /Forum/);
      const json = runCli('templates', '--root', root, '--json');
      assert.equal(json.status, 0, json.stderr);
      const [row] = JSON.parse(json.stdout) as { key: string; title: string; assignees: string[]; fields: unknown[] }[];
      assert.equal(row!.key, '---bug-report');
      assert.equal(row!.title, '[bug] ');
      assert.deepEqual(row!.assignees, ['bob', 'Alice']);
      assert.deepEqual(row!.fields, [
        { id: 'version', type: 'input', label: 'Version', required: true },
        {
          id: 'screenshots',
          type: 'upload',
          label: 'Screenshots',
          required: true,
          note: 'files are attached on github.com after the issue is created (the REST API takes no uploads)',
        },
        { id: 'platform', type: 'dropdown', label: 'Platform', required: false, options: ['Linux', 'macOS'], multiple: false },
      ]);
      // check still counts the broken link (it reports every problem).
      const checked = runCli('check', '--root', root, '--today', '2026-11-24');
      assert.equal(checked.status, 1);
      assert.match(checked.stdout, /config\.yml:3: The contact link needs `url`/);
    });

    it('a config.yml that is not even valid never hides the templates nor fails templates', () => {
      const broken = repoWith({ '.github/ISSUE_TEMPLATE/bug.yml': FORM, '.github/ISSUE_TEMPLATE/config.yml': 'contact_links: [\n' });
      roots.push(broken);
      const { status, stdout, stderr } = runCli('templates', '--root', broken, '--json');
      assert.equal(status, 0, stderr);
      assert.match(stderr, /config\.yml:\d+: /);
      assert.deepEqual(
        (JSON.parse(stdout) as { key: string }[]).map((t) => t.key),
        ['bug'],
      );
    });

    it('--template ---bug-report works as --template=---bug-report does; --title gets the prefix; owner then form assignees; a required upload does not block', () => {
      const spaced = runCli(...createIn('--template', '---bug-report', '--title', 'Crash on start'));
      assert.equal(spaced.status, 0, spaced.stderr);
      const joined = runCli(...createIn('--template=---bug-report', '--title', 'Crash on start'));
      assert.equal(joined.status, 0, joined.stderr);
      assert.equal(spaced.stdout, joined.stdout);
      assert.equal(
        spaced.stderr,
        'async-desk: note: "Screenshots" is a file upload the form marks as required: files are attached on github.com after the issue is created (the REST API takes no uploads). Attach them there; the issue is created without them.\n',
      );
      const request = JSON.parse(spaced.stdout) as { title: string; body: string; assignees: string[] };
      assert.equal(request.title, '[bug] Crash on start');
      assert.deepEqual(request.assignees, ['carol', 'bob', 'Alice']);
      assert.ok(
        request.body.startsWith('### Version\n\n1.2.3\n\n### Screenshots\n\n_No response_\n\n### Platform\n\nNone\n\nDue: 2026-11-27 (Fri)'),
        request.body,
      );
    });

    it('--title keeps a title that starts with the prefix; --no-title-prefix sends it as given; values may start with "-"', () => {
      const title = (...extra: string[]) => (JSON.parse(runCli(...createIn('--template', '---bug-report', ...extra)).stdout) as { title: string }).title;
      assert.equal(title('--title', '[bug] Crash'), '[bug] Crash');
      assert.equal(title('--title', 'Crash', '--no-title-prefix'), 'Crash');
      assert.equal(title('--title', '-1 balance after refund'), '[bug] -1 balance after refund');
      assert.equal(title('--title', '--json', '--no-title-prefix'), '--json');
      // The owner is also one of the form's assignees: listed once, first.
      const own = JSON.parse(runCli(...createIn('--template', '---bug-report', '--title', 'X', '--owner', 'ALICE')).stdout) as { assignees: string[] };
      assert.deepEqual(own.assignees, ['alice', 'bob']);
    });

    it('--help lists --no-title-prefix', () => {
      const { status, stdout } = runCli('--help');
      assert.equal(status, 0);
      assert.match(stdout, /\n {2}--no-title-prefix {5}Send --title as given, without the form's title prefix\n/);
    });
  });

  it('issue create --dry-run prints exactly the REST body: form body, due line, team defaults', () => {
    const { status, stdout, stderr } = runCli(...create('--dry-run'));
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    assert.equal(stdout, `${JSON.stringify(REQUEST, null, 2)}\n`);
    // By name, with an explicit due date and @login.
    const byName = JSON.parse(runCli(...create('--dry-run', '--template', 'Bug report', '--owner', '@Carol', '--due', 'friday')).stdout) as typeof REQUEST;
    assert.ok(byName.body.endsWith('\n\nDue: 2026-11-27 (Fri) 18:00 Asia/Kathmandu, end of day for @carol'), byName.body);
    assert.deepEqual(byName.assignees, ['carol']);
  });

  it('a missing required field exits 1 naming it, and sends nothing', () => {
    const missing = path.join(tmpdir(), `async-desk-missing-${process.pid}.json`);
    writeFileSync(missing, JSON.stringify({ 'what-happened': '', checks: [] }));
    try {
      const { status, stdout, stderr } = runCli(...create('--dry-run', '--answers', missing));
      assert.equal(status, 1);
      assert.equal(stdout, '');
      assert.equal(
        stderr,
        [
          'async-desk: the issue is not complete:',
          '  version: "Ledger version" is required.',
          '  what-happened: "What happened?" is required.',
          '  checks: "Before you submit" needs this ticked: "I searched the open issues."',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(missing, { force: true });
    }
  });

  it('an unknown owner exits 1 naming them; so do an unknown template and a due date that has passed', () => {
    const owner = runCli(...create('--dry-run', '--owner', 'zed'));
    assert.equal(owner.status, 1);
    assert.equal(owner.stdout, '');
    assert.match(owner.stderr, /^async-desk: unknown owner @zed: not a teammate in \.github\/team\.yml \(teammates: alice, bob, carol\)/);
    const template = runCli(...create('--dry-run', '--template', 'nope'));
    assert.equal(template.status, 1);
    assert.match(template.stderr, /no issue template "nope"\. Templates: bug_report \(Bug report\), decision_follow_up \(Decision follow-up\)/);
    const past = runCli(...create('--dry-run', '--due', '2026-11-20'));
    assert.equal(past.status, 1);
    assert.match(past.stderr, /--due: 2026-11-20 has already ended in Europe\/Berlin/);
  });

  it('a --due rule past the limit exits 1 at once, naming the limit (it used to count for minutes)', () => {
    const started = Date.now();
    const far = runCli(...create('--dry-run', '--due', '+999999 workdays'));
    assert.equal(far.status, 1, far.stderr);
    assert.equal(far.stdout, '');
    assert.match(far.stderr, /--due: "\+999999 workdays" is too far ahead: a due rule counts at most 366 workdays or days/);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });

  it('usage errors exit 2: missing options, a bad answers file, a bad repo', () => {
    for (const [args, message] of [
      [['issue', 'create', '--root', WORKSPACE, '--template', 'bug_report'], /issue create needs --repo/],
      [create('--answers', '/nonexistent/answers.json'), /--answers \/nonexistent\/answers\.json: no such file/],
      [create('--repo', 'not a repo'), /--repo must be OWNER\/NAME/],
      [['issue', 'open'], /unknown issue command "open"/],
    ] as const) {
      const { status, stderr } = runCli(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });

  it('without GITHUB_TOKEN it says so and exits 2', () => {
    const { status, stderr } = runCliWithEnv({ GITHUB_TOKEN: '' }, ...create('--api-url', 'http://127.0.0.1:9'));
    assert.equal(status, 2);
    assert.match(stderr, /set GITHUB_TOKEN/);
  });

  describe('sending to the fake GitHub', () => {
    let server: FakeGitHub;
    before(async () => {
      server = await startFakeGitHub({ repos: { 'acme/ledger': { collaborators: { octocat: 'push', alice: 'push' } } } });
    });
    after(() => server.close());
    afterEach(() => server.reset());

    const send = (...extra: string[]) => runCliAsync({ GITHUB_TOKEN: DEFAULT_TOKEN }, ...create('--api-url', server.url, ...extra));

    it('POSTs exactly the dry-run body and prints the number and URL', async () => {
      const { status, stdout, stderr } = await send();
      assert.equal(status, 0, stderr);
      assert.equal(stdout, 'Created issue #1: https://github.com/acme/ledger/issues/1\n');
      assert.deepEqual(server.violations, []);
      assert.equal(server.requests.length, 1);
      assert.equal(server.requests[0]!.operation, 'issues/create');
      assert.equal(server.requests[0]!.path, '/repos/acme/ledger/issues');
      assert.deepEqual(server.requests[0]!.body, REQUEST);
      const issue = server.state.repo('acme', 'ledger')!.issues[0]!;
      assert.equal(issue.body, REQUEST.body);
      assert.deepEqual(issue.assignees, ['alice']);
    });

    it("GitHub's refusals and failures: a clear message, exit 1 for a refused issue, 2 when it could not be sent", async () => {
      server.failNext({ status: 500 });
      const down = await send();
      assert.equal(down.status, 2);
      assert.match(down.stderr, /^async-desk: GitHub at 127\.0\.0\.1:\d+ had a problem answering \(500 Server Error\)\. This is usually temporary/);
      const bad = await runCliAsync({ GITHUB_TOKEN: 'wrong' }, ...create('--api-url', server.url));
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /did not accept your sign-in \(Bad credentials\)/);
      // bob is in the team file but may not be assigned in this repository.
      const refused = await send('--owner', 'bob');
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /rejected the request \(422\): assignees \("bob"\) is not valid/);
      assert.deepEqual(server.violations, []);
    });
  });
});
