// Deeply nested YAML in issue templates (hostile repositories, SPEC §5): a list nested a few thousand
// levels deep overflowed yaml's parser, and the exception took every template down with it. Now each
// template parser reports it as a problem on that file, at the line where it gets too deep, and the
// other templates are listed. Ends with a fuzz run of random deep and large documents.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { discoverTemplates, parseIssueForm, parseMarkdownTemplate, parseTemplateConfig, type Problem } from '../../../src/core/issues';
import { MAX_YAML_DEPTH, nestingOver } from '../../../src/core/shared/yamlDepth';
import { guard, readYaml } from '../../../src/core/shared/yamlReader';
import { prng } from '../decisions/helpers';
import { brief, formWith, repoWith } from './helpers';

/** YAML nested `n` levels deep in each of the ways YAML nests, as the value of a key. */
const SHAPES: Record<string, (n: number) => string> = {
  'block lists': (n) => '\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n'),
  'block maps': (n) => '\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + ' 1',
  'compact lists': (n) => ' ' + '- '.repeat(n) + 'x',
  'explicit keys': (n) => '\n ' + '? '.repeat(n) + 'x',
  'flow lists': (n) => ' ' + '['.repeat(n) + ']'.repeat(n),
  'flow maps': (n) => ' ' + '{a: '.repeat(n) + '1' + '}'.repeat(n),
  'unclosed flow lists': (n) => ' ' + '['.repeat(n),
  'flow lists in block lists': (n) => '\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}- [`).join('\n'),
  'lists of one-pair maps in flow': (n) => ' ' + '[a: '.repeat(n) + 'b' + ']'.repeat(n),
};

/** The three parsers, each given `value` as the value of a key its file takes. */
const PARSERS: Record<string, { parse: (value: string) => { problems: Problem[] }; file: string; line: number; name: string }> = {
  form: { parse: (v) => parseIssueForm(`name: N\ndescription: D\nbody:${v}\n`, 'f.yml'), file: 'f.yml', line: 2, name: 'f.yml' },
  config: { parse: (v) => parseTemplateConfig(`contact_links:${v}\n`, 'config.yml'), file: 'config.yml', line: 0, name: 'config.yml' },
  markdown: {
    parse: (v) => parseMarkdownTemplate(`---\nname: N\nabout: A\nlabels:${v}\n---\nBody\n`, 't.md'),
    file: 't.md',
    line: 3,
    name: 'The front matter of t.md',
  },
};

function assertLines(problems: Problem[], what: string): void {
  for (const p of problems)
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && typeof p.message === 'string' && p.message !== '', `${what}: ${JSON.stringify(p)}`);
}

describe('deeply nested YAML in issue templates', () => {
  for (const [shape, nest] of Object.entries(SHAPES)) {
    it(`${shape}, 5,000 levels deep: one problem at the line where it gets too deep, in every parser`, () => {
      for (const [kind, { parse, file, line, name }] of Object.entries(PARSERS)) {
        const value = nest(5000);
        const start = performance.now();
        let problems: Problem[] = [];
        assert.doesNotThrow(() => (problems = parse(value).problems), `${kind}`);
        const ms = performance.now() - start;
        assert.ok(ms < 500, `${kind}: ${ms} ms`); // a few ms: nothing past the depth scan runs
        assert.equal(problems.length, 1, `${kind}: ${JSON.stringify(problems)}`);
        const p = problems[0]!;
        assert.deepEqual(
          [p.file, p.severity, p.code, p.message],
          [file, 'error', 'too-deep', `${name} is nested too deeply to read (over ${MAX_YAML_DEPTH} levels).`],
        );
        // Where it goes past the limit: on the key's line for one-line shapes, ~100 lines below for block ones.
        const multiLine = shape.includes('block') || shape === 'explicit keys';
        if (multiLine) assert.ok(p.line > line && p.line <= line + MAX_YAML_DEPTH + 2, `${kind}: line ${p.line}`);
        else assert.equal(p.line, line, kind);
      }
    });
  }

  it('just under the limit is read as usual, and the depth scan leaves real templates alone', () => {
    // 90 block levels under `body`: a bad field, not a problem with the YAML.
    const deep = parseIssueForm(`name: N\ndescription: D\nbody:${SHAPES['block maps']!(90)}\n`, 'f.yml');
    assert.deepEqual(brief(deep.problems), ['4:error:missing-body']);
    // Block scalars, quotes and comments do not nest, whatever they hold.
    const text = formWith(
      '  - type: textarea # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      '    attributes:',
      `      label: "${'['.repeat(200)}"`,
      '      value: |',
      ...Array.from({ length: 150 }, (_, i) => `        ${' '.repeat(i)}- ${'{'.repeat(i)}`),
      `      placeholder: '${'- '.repeat(200)}'`,
    );
    assert.equal(nestingOver(text, MAX_YAML_DEPTH), null);
    assert.deepEqual(parseIssueForm(text, 'f.yml').problems, []);
  });

  it('the depth scan estimates from above: never less than the real depth', () => {
    const rand = prng(20261124);
    for (let i = 0; i < 300; i++) {
      const depth = 1 + Math.floor(rand() * 30);
      const pieces = Object.values(SHAPES).filter((_, k) => k !== 6); // (an unclosed list is not valid YAML)
      const yaml = `k:${pieces[Math.floor(rand() * pieces.length)]!(depth)}\n`;
      assert.notEqual(nestingOver(yaml, depth), null, yaml);
    }
  });

  it('whatever the walk of a document throws becomes a problem on the file', () => {
    const ctx = readYaml('a: 1\n', 'f.yml');
    guard(ctx, 'the issue form', () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    guard(ctx, 'the issue form', () => {
      throw new TypeError('x is undefined');
    });
    assert.deepEqual(
      ctx.problems.map((p) => [p.line, p.code, p.message]),
      [
        [0, 'too-deep', 'Could not read the issue form: it is nested too deeply.'],
        [0, 'internal-error', 'Could not read the issue form: x is undefined'],
      ],
    );
  });

  it('one deep template, config.yml or front matter hides nothing else: the good templates are listed', async () => {
    // Shapes that overflowed yaml's parser at 3,000 levels, in a few KB (files over 1 MB, and a
    // config.yml over 256 KB, are not read at all).
    const root = repoWith({
      '.github/ISSUE_TEMPLATE/config.yml': `blank_issues_enabled: false\ncontact_links:${SHAPES['explicit keys']!(3000)}\n`,
      '.github/ISSUE_TEMPLATE/a_deep.yml': `name: Deep\ndescription: D\nbody:${SHAPES['compact lists']!(3000)}\n`,
      '.github/ISSUE_TEMPLATE/b_good.yml': formWith('  - type: input', '    attributes:', '      label: What'),
      '.github/ISSUE_TEMPLATE/c_deep.md': `---\nname: Deep too\nabout: A\nlabels:${SHAPES['compact lists']!(3000)}\n---\nBody\n`,
      '.github/ISSUE_TEMPLATE/d_good.md': '---\nname: Good too\nabout: A\n---\nBody\n',
    });
    try {
      const set = await discoverTemplates(root);
      assert.deepEqual(
        set.templates.map((t) => t.name),
        ['Test', 'Good too'],
      );
      assert.equal(set.blankIssuesEnabled, true); // config.yml could not be read: GitHub's default
      assert.deepEqual(
        set.problems.map((p) => `${p.file}:${p.line + 1}:${p.code}`),
        [
          '.github/ISSUE_TEMPLATE/a_deep.yml:3:too-deep',
          '.github/ISSUE_TEMPLATE/a_deep.yml:1:template-skipped',
          '.github/ISSUE_TEMPLATE/c_deep.md:4:too-deep',
          '.github/ISSUE_TEMPLATE/c_deep.md:1:template-skipped',
          '.github/ISSUE_TEMPLATE/config.yml:3:too-deep',
        ],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** A random YAML document: nesting of every kind mixed, deep or not, big or not, with junk thrown in. */
function randomDeepYaml(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const depth = Math.floor(rand() ** 2 * 2500);
  const out: string[] = [];
  let indent = 0;
  let closers = '';
  for (let level = 0; level < depth; level++) {
    switch (pick(['block-seq', 'block-map', 'compact', 'flow-seq', 'flow-map', 'key', 'anchor', 'scalar'] as const)) {
      case 'block-seq':
        if (closers) break;
        out.push(`\n${' '.repeat(indent)}-`);
        indent += 1 + Math.floor(rand() * 2);
        break;
      case 'block-map':
        if (closers) break;
        out.push(`\n${' '.repeat(indent)}${pick(['a', 'type', 'body', 'options', 'label', 'contact_links'])}:`);
        indent += 1 + Math.floor(rand() * 2);
        break;
      case 'compact':
        out.push(closers ? ' [' : ' -');
        if (closers) closers = ']' + closers;
        break;
      case 'flow-seq':
        out.push(' [');
        closers = ']' + closers;
        break;
      case 'flow-map':
        out.push(' {k:');
        closers = '}' + closers;
        break;
      case 'key':
        out.push(closers ? ' ? [' : ` ? ${pick(['x', '"q"', "'s'"])}\n${' '.repeat(indent)}:`);
        if (closers) closers = ']' + closers;
        break;
      case 'anchor':
        out.push(pick([' &a', ' !!seq', ' *a', ' &b [*a', ' #c\n']));
        break;
      case 'scalar':
        out.push(pick([' x', ' "a: [b"', ' |\n' + ' '.repeat(indent + 2) + '[[{{', ' 1,', ',']));
    }
  }
  out.push(rand() < 0.8 ? closers : closers.slice(0, Math.floor(rand() * closers.length)));
  // Sometimes wide as well as deep: many siblings.
  if (rand() < 0.2) out.push('\n' + 'k: v\n'.repeat(Math.floor(rand() * 1000)));
  if (rand() < 0.1) out.push('\nlist:\n' + '  - &x item\n  - *x\n'.repeat(Math.floor(rand() * 500)));
  return out.join('');
}

describe('deeply nested YAML: fuzz', () => {
  it('200 random deep or large documents through each template parser: no throw escapes, every problem has a line', function () {
    this.timeout(20_000);
    const rand = prng(4242);
    const wrap: [string, (yaml: string) => { problems: Problem[] }][] = [
      ['form', (y) => parseIssueForm(`name: N\ndescription: D\nbody:${y}\n`, 'f.yml')],
      ['markdown', (y) => parseMarkdownTemplate(`---\nname: N\nabout: A\nlabels:${y}\n---\nBody\n`, 't.md')],
      ['config', (y) => parseTemplateConfig(`contact_links:${y}\n`, 'config.yml')],
    ];
    const start = performance.now();
    let deep = 0;
    for (let i = 0; i < 200; i++) {
      const yaml = randomDeepYaml(rand);
      for (const [name, parse] of wrap) {
        let problems: Problem[] = [];
        try {
          problems = parse(yaml).problems;
        } catch (error) {
          assert.fail(`input ${i} (${yaml.length} characters), ${name}: threw ${(error as Error).message}`);
        }
        assertLines(problems, `input ${i}, ${name}`);
        assert.ok(problems.length <= 1001, `input ${i}, ${name}: ${problems.length} problems`);
        if (problems.some((p) => p.code === 'too-deep')) deep++;
      }
    }
    assert.ok(deep > 300, `only ${deep} of 600 parses were too deep: the generator should nest deeper`);
    assert.ok(performance.now() - start < 15_000, `${performance.now() - start} ms`);
  });
});
