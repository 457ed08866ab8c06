// Markdown templates (front matter), config.yml, and discovery in github.com's order.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { BUILT_IN_TEMPLATES, discoverTemplates, parseMarkdownTemplate, parseTemplateConfig, validateAnswers } from '../../../src/core/issues';
import { brief, formWith, repoWith } from './helpers';

const MD = '.github/ISSUE_TEMPLATE/decision_review.md';

describe('parseMarkdownTemplate', () => {
  it('reads the front matter (lists and comma strings) and keeps the body as starting text', () => {
    const t = parseMarkdownTemplate(
      [
        '---',
        'name: Decision review',
        'about: Reopen a decision.',
        'title: "Review ADR-NNNN: "',
        'labels: decision, review',
        "assignees: ''",
        'type: Task',
        '---',
        '',
        '## Record',
        '',
        '<!-- link -->',
        '',
      ].join('\n'),
      MD,
    );
    assert.deepEqual(t.problems, []);
    assert.equal(t.kind, 'markdown');
    assert.equal(t.key, 'decision_review');
    assert.equal(t.name, 'Decision review');
    assert.equal(t.about, 'Reopen a decision.');
    assert.equal(t.title, 'Review ADR-NNNN: ');
    assert.deepEqual(t.labels, ['decision', 'review']);
    assert.deepEqual(t.assignees, []);
    assert.equal(t.type, 'Task');
    assert.deepEqual(t.fields, []);
    assert.equal(t.body, '## Record\n\n<!-- link -->\n');
    const lists = parseMarkdownTemplate(
      '---\r\nname: N\r\nabout: A\r\nlabels: [bug, "needs triage"]\r\nassignees:\r\n  - "@alice"\r\n  - bob\r\n---\r\nBody\r\n',
      MD,
    );
    assert.deepEqual(lists.problems, []);
    assert.deepEqual(lists.labels, ['bug', 'needs triage']);
    assert.deepEqual(lists.assignees, ['alice', 'bob']);
    assert.equal(lists.body, 'Body\n');
  });

  it('reports problems at file lines (front matter starts on line 2)', () => {
    const t = parseMarkdownTemplate(['---', 'name: 12', 'labels: { a: 1 }', 'color: red', 'title: [x]', '---', 'Body'].join('\n'), MD);
    assert.deepEqual(brief(t.problems), ['2:error:missing-about', '2:error:bad-name', '3:error:bad-labels', '4:warning:unknown-key', '5:error:bad-title']);
    assert.equal(t.name, '');
  });

  it('no front matter, or an unclosed one: a problem, and the text as body', () => {
    const none = parseMarkdownTemplate('Just a body\n', MD);
    assert.deepEqual(brief(none.problems), ['1:error:missing-front-matter']);
    assert.equal(none.body, 'Just a body\n');
    assert.deepEqual(brief(parseMarkdownTemplate('---\nname: N\n', MD).problems), ['1:error:missing-front-matter']);
    // With a byte order mark; the unclosed quote is reported where the front matter ends.
    assert.deepEqual(brief(parseMarkdownTemplate('\uFEFF---\nname: "x\n---\n', MD).problems), ['2:error:missing-about', '3:error:yaml-syntax']);
  });

  it('Markdown templates take only the body as answer', () => {
    const t = parseMarkdownTemplate('---\nname: N\nabout: A\n---\nB\n', MD);
    assert.deepEqual(validateAnswers(t, 'T', { body: 'x' }), []);
    assert.deepEqual(
      validateAnswers(t, ' ', { what: 'x' }).map((e) => e.field),
      ['title', 'what'],
    );
  });
});

describe('parseTemplateConfig', () => {
  it('reads blank_issues_enabled and contact links', () => {
    const c = parseTemplateConfig(
      ['blank_issues_enabled: false', 'contact_links:', '  - name: Chat', '    url: https://chat.example.com', '    about: Ask here'].join('\n'),
      'config.yml',
    );
    assert.deepEqual(c, { blankIssuesEnabled: false, contactLinks: [{ name: 'Chat', url: 'https://chat.example.com', about: 'Ask here' }], problems: [] });
    assert.deepEqual(parseTemplateConfig('', 'config.yml'), { blankIssuesEnabled: true, contactLinks: [], problems: [] });
  });

  it('reports bad values with lines and leaves broken links out', () => {
    const c = parseTemplateConfig(
      [
        'blank_issues_enabled: maybe',
        'contact_links:',
        '  - name: Chat',
        '    url: not a url',
        '    about: x',
        '  - name: Ok',
        '    url: http://ok.example',
        '    about: fine',
        '  - name: No about',
        '    url: https://x.example',
        'extra: 1',
      ].join('\n'),
      'config.yml',
    );
    // Broken contact links are warnings: github.com leaves them out and still shows the chooser (they
    // were errors before, which made `templates` exit 1).
    assert.deepEqual(brief(c.problems), ['1:error:bad-boolean', '4:warning:bad-contact-link', '9:warning:bad-contact-link', '11:error:unknown-key']);
    assert.equal(c.blankIssuesEnabled, true);
    assert.deepEqual(
      c.contactLinks.map((l) => l.name),
      ['Ok'],
    );
  });

  it('a contact link without url (or with an empty or non-string one, or not a mapping) is left out with a warning', () => {
    const c = parseTemplateConfig(
      [
        'contact_links:',
        '  - name: No url', // 2
        '    about: Ask here',
        '  - name: Empty url', // 4
        '    url: ""', // 5
        '    about: x',
        '  - name: List url', // 7
        '    url: [https://x.example]', // 8
        '    about: x',
        '  - just text', // 10
        '  - name: Good',
        '    url: https://good.example',
        '    about: fine',
      ].join('\n'),
      'config.yml',
    );
    assert.deepEqual(brief(c.problems), [
      '2:warning:bad-contact-link',
      '5:warning:bad-contact-link',
      '8:warning:bad-contact-link',
      '10:warning:bad-contact-link',
    ]);
    assert.match(c.problems[0]!.message, /needs `url`/);
    assert.deepEqual(c.contactLinks, [{ name: 'Good', url: 'https://good.example', about: 'fine' }]);
  });
});

describe('discoverTemplates', () => {
  const roots: string[] = [];
  const repo = (files: Record<string, string>) => {
    const root = repoWith(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  const form = (name: string) => formWith('  - type: input', '    attributes: { label: L }').replace('name: Test', `name: ${name}`);
  const md = (name: string) => `---\nname: ${name}\nabout: About\n---\nBody\n`;

  it("github.com's order: forms before Markdown, then by file name, from both folders", async () => {
    const root = repo({
      '.github/ISSUE_TEMPLATE/z_feature.yml': form('Z feature'),
      '.github/ISSUE_TEMPLATE/a_question.md': md('A question'),
      '.github/ISSUE_TEMPLATE/bug.yaml': form('Bug'),
      '.github/ISSUE_TEMPLATE/notes.txt': 'not a template',
      '.github/ISSUE_TEMPLATE/nested/deep.yml': form('Deep'),
      '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\ncontact_links:\n  - { name: Chat, url: "https://chat.example", about: Ask }\n',
      'docs/ISSUE_TEMPLATE/m_docs.yml': form('M docs'),
      'docs/ISSUE_TEMPLATE/b_docs.md': md('B docs'),
    });
    const set = await discoverTemplates(root);
    assert.deepEqual(set.problems, []);
    assert.deepEqual(
      set.templates.map((t) => [t.kind, t.file]),
      [
        ['form', '.github/ISSUE_TEMPLATE/bug.yaml'],
        ['form', 'docs/ISSUE_TEMPLATE/m_docs.yml'],
        ['form', '.github/ISSUE_TEMPLATE/z_feature.yml'],
        ['markdown', '.github/ISSUE_TEMPLATE/a_question.md'],
        ['markdown', 'docs/ISSUE_TEMPLATE/b_docs.md'],
      ],
    );
    assert.equal(set.blankIssuesEnabled, false);
    assert.deepEqual(set.contactLinks, [{ name: 'Chat', url: 'https://chat.example', about: 'Ask' }]);
    assert.ok(set.templates.every((t) => !t.builtIn));
  });

  it('lists broken templates that have a name, with their problems; skips the nameless with a problem', async () => {
    const root = repo({
      '.github/ISSUE_TEMPLATE/broken.yml': 'name: Broken\ndescription: D\nbody:\n  - type: slider\n',
      '.github/ISSUE_TEMPLATE/nameless.yml': 'description: D\nbody: [\n',
      '.github/ISSUE_TEMPLATE/config.yaml': 'blank_issues_enabled: nope\n',
      'docs/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\n',
    });
    const set = await discoverTemplates(root);
    assert.deepEqual(
      set.templates.map((t) => [t.name, brief(t.problems)]),
      [['Broken', ['3:error:no-fields', '4:error:unknown-body-type']]],
    );
    assert.deepEqual(
      set.problems.map((p) => `${p.file}:${p.line + 1}:${p.code}`),
      [
        '.github/ISSUE_TEMPLATE/config.yaml:1:bad-boolean',
        '.github/ISSUE_TEMPLATE/nameless.yml:1:missing-name',
        '.github/ISSUE_TEMPLATE/nameless.yml:2:missing-body',
        '.github/ISSUE_TEMPLATE/nameless.yml:3:yaml-syntax',
        '.github/ISSUE_TEMPLATE/nameless.yml:1:template-skipped',
        'docs/ISSUE_TEMPLATE/config.yml:1:ignored-config',
      ],
    );
    assert.equal(set.blankIssuesEnabled, true); // the first config wins, and its bad value is ignored
  });

  it('a contact link without url in config.yml: the templates are all listed, the link left out with a warning', async () => {
    const root = repo({
      '.github/ISSUE_TEMPLATE/bug.yml': form('Bug'),
      '.github/ISSUE_TEMPLATE/---crash.yml': form('Crash'),
      '.github/ISSUE_TEMPLATE/config.yml':
        'blank_issues_enabled: false\ncontact_links:\n  - name: Forum\n    about: Ask there\n  - { name: Chat, url: "https://chat.example", about: Ask }\n',
    });
    const set = await discoverTemplates(root);
    assert.deepEqual(
      set.templates.map((t) => t.key),
      ['---crash', 'bug'],
    );
    assert.deepEqual(set.contactLinks, [{ name: 'Chat', url: 'https://chat.example', about: 'Ask' }]);
    assert.equal(set.blankIssuesEnabled, false);
    assert.deepEqual(
      set.problems.map((p) => `${p.file}:${p.line + 1}:${p.severity}:${p.code}`),
      ['.github/ISSUE_TEMPLATE/config.yml:3:warning:bad-contact-link'],
    );
  });

  it('the same file name twice: both listed, the second warned', async () => {
    const root = repo({ '.github/ISSUE_TEMPLATE/bug.yml': form('Bug form'), '.github/ISSUE_TEMPLATE/bug.md': md('Bug text') });
    const set = await discoverTemplates(root);
    assert.deepEqual(
      set.templates.map((t) => [t.name, brief(t.problems)]),
      [
        ['Bug form', []],
        ['Bug text', ['1:warning:duplicate-key']],
      ],
    );
  });

  it('no templates: the built-ins, marked as such', async () => {
    const set = await discoverTemplates(repo({ 'README.md': '# x\n' }));
    assert.deepEqual(
      set.templates.map((t) => [t.key, t.name, t.builtIn, t.file]),
      BUILT_IN_TEMPLATES.map((t) => [t.key, t.name, true, '']),
    );
    assert.deepEqual(
      set.templates.map((t) => t.key),
      ['action-item', 'blocker', 'decision-follow-up', 'decision-review'],
    );
    assert.ok(set.templates.every((t) => t.problems.length === 0 && t.fields.some((f) => f.type !== 'markdown')));
    // Only the config: built-ins too, and the config still applies.
    const configOnly = await discoverTemplates(repo({ '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\n' }));
    assert.equal(configOnly.templates[0]!.builtIn, true);
    assert.equal(configOnly.blankIssuesEnabled, false);
  });

  it('a missing root is no templates, not an exception', async () => {
    const set = await discoverTemplates('/nonexistent/async-desk-root');
    assert.equal(set.templates[0]!.builtIn, true);
    assert.deepEqual(set.problems, []);
  });

  it('the demo and the integration workspace have no template problems', async () => {
    for (const root of ['demo', 'test/fixtures/workspace']) {
      const set = await discoverTemplates(root);
      assert.deepEqual([...set.problems, ...set.templates.flatMap((t) => t.problems)], [], root);
      assert.ok(set.templates.length >= 2 && !set.templates[0]!.builtIn, root);
    }
  });
});
