// The simple front-matter reader must build exactly the nodes yaml builds, or step aside (null).
import assert from 'node:assert/strict';
import { isScalar, isSeq, type Pair } from 'yaml';
import { readSimpleFrontMatter, readYamlFrontMatter, type FrontMatterNodes } from '../../../src/core/shared/frontMatter';
import { prng } from './helpers';

function describe_(node: unknown): unknown {
  if (isSeq(node)) return { seq: true, flow: node.flow ?? false, range: node.range?.slice(0, 2), items: node.items.map(describe_) };
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return { null: true };
    return { value: `${typeof node.value}:${String(node.value)}`, type: node.type, range: node.range?.slice(0, 2) };
  }
  return { other: String(node) };
}

function shape(nodes: FrontMatterNodes): unknown {
  return {
    errors: nodes.errors,
    pairs: [...nodes.pairs].map(([k, pair]: [string, Pair]) => ({
      k,
      key: isScalar(pair.key) ? { value: String(pair.key.value), range: pair.key.range?.slice(0, 2) } : null,
      value: describe_(pair.value),
    })),
  };
}

const KEYS = [
  'status',
  'Status',
  'date',
  'owner',
  'decision-makers',
  'consulted',
  'informed',
  'review-by',
  'supersedes',
  'superseded-by',
  'issues',
  'tags',
  'x_y',
  'true',
  'null',
  'No',
  'bad key',
  ' indented',
  '- item',
  '"quoted"',
  'a.b',
  '_k',
  'k9',
];
const VALUES = [
  '',
  'accepted',
  'superseded by ADR-0002',
  '2026-01-02',
  '"quoted"',
  '"with \\"escape\\""',
  "'single'",
  "'it''s'",
  '[a, b]',
  '[]',
  '[ "x", y ]',
  '[a, [b]]',
  '[a,,b]',
  '[a, ]',
  '12',
  '0012-foo.md',
  'true',
  'False',
  '~',
  'null',
  'a # comment',
  'a: b',
  'a:b',
  '#x',
  '*alias',
  '&a x',
  '!tag x',
  '|',
  '>',
  '@x',
  '`x`',
  'é ü',
  '日本',
  'x\ty',
  '"a, b"',
  '["a, b"]',
  "['a', 'b']",
  'Load doubles [soon]',
  '{a: b}',
  '-x',
  '- x',
  '? x',
  ':x',
  'x:',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  'a"b',
  "a'b",
  '"unterminated',
  '[unterminated',
  'trailing   ',
  '[ spaced , items ]',
  '["#1", "#2"]',
  "['#412']",
  '"ok" trailing',
  'a\u2028b',
  '\uFEFFx',
  'x\u0001',
  '"\u00e9"',
  '[x, "y,z"]',
  '[-1, 2]',
  '[a: b]',
  '[{a}]',
  'http://x.io/a#b',
  'C# and F#',
  '100%',
  'a, b, c',
  'alice, bob',
];
const EXTRA = ['', '   ', '# comment', '#', '  - item', '\t', '  nested: x', '---x', '%YAML 1.2', '\r'];

describe('front matter: simple reader vs yaml', function () {
  this.timeout(60_000);

  it('builds the same nodes as yaml for 20,000 generated front matters, or steps aside', () => {
    const rand = prng(424242);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    let simple = 0;
    for (let i = 0; i < 20_000; i++) {
      const eol = rand() < 0.2 ? '\r\n' : '\n';
      const lines: string[] = [];
      const count = Math.floor(rand() * 8);
      for (let j = 0; j < count; j++) {
        const r = rand();
        if (r < 0.85) lines.push(`${pick(KEYS)}:${pick(['', ' ', ' ', ' ', '  ', '\t'])}${pick(VALUES)}`);
        else lines.push(pick(EXTRA));
      }
      // Mostly well-formed inputs, so the simple path is exercised too.
      if (rand() < 0.5)
        lines.splice(
          0,
          lines.length,
          ...lines.filter((l) => /^(status|date|owner|tags|issues): (accepted|2026-01-02|\[a, b\]|"quoted"|'single'|\[\]|)$/.test(l)),
        );
      const text = lines.map((l) => l + eol).join('');
      const fast = readSimpleFrontMatter(text);
      if (fast === null) continue;
      simple++;
      const full = readYamlFrontMatter(text);
      assert.deepEqual(shape(fast), shape(full), `input #${i}: ${JSON.stringify(text)}`);
    }
    assert.ok(simple > 5_000, `simple path used for ${simple} inputs`);
  });

  it('agrees with yaml on 10,000 front matters of character soup', () => {
    const rand = prng(7);
    // YAML indicators, JS-only white space (U+FEFF, U+00A0, U+2028, U+0085) and tabs are the traps.
    const chars = 'abcXYZ019 -_:,[]{}#&*!|>\'"%@`?.~\t\\/é日\u2028\ufeff\u0085\u00a0\u3000';
    let simple = 0;
    for (let i = 0; i < 10_000; i++) {
      const lines: string[] = [];
      for (let j = 0, n = 1 + Math.floor(rand() * 5); j < n; j++) {
        let v = '';
        for (let k = 0, len = Math.floor(rand() * 10); k < len; k++) v += chars[Math.floor(rand() * chars.length)];
        const r = rand();
        if (r < 0.3) v = `[${v.replace(/[[\]]/g, '')}]`;
        else if (r < 0.4) v = `"${v.replace(/["\\]/g, '')}"`;
        else if (r < 0.5) v = `'${v.replace(/'/g, '')}'`;
        lines.push(rand() < 0.9 ? `${['status', 'date', 'k', 'Tags'][Math.floor(rand() * 4)]}:${rand() < 0.9 ? ' ' : ''}${v}` : v);
      }
      const text = `${lines.join('\n')}\n`;
      const fast = readSimpleFrontMatter(text);
      if (fast === null) continue;
      simple++;
      assert.deepEqual(shape(fast), shape(readYamlFrontMatter(text)), `input #${i}: ${JSON.stringify(text)}`);
    }
    assert.ok(simple > 500, `simple path used for ${simple} inputs`);
  });

  it('steps aside for block lists, comments after values and escapes', () => {
    assert.equal(readSimpleFrontMatter('decision-makers:\n  - alice\n'), null);
    assert.equal(readSimpleFrontMatter("status: 'proposed' # until the review\n"), null);
    assert.equal(readSimpleFrontMatter('title: "a \\"b\\""\n'), null);
    assert.equal(readSimpleFrontMatter('issues: [412]\n'), null);
    assert.equal(readSimpleFrontMatter('status: accepted\nstatus: rejected\n'), null);
    assert.ok(readSimpleFrontMatter('status: accepted\n# note\n\ndate: 2026-01-02\ntags: [a, "b c"]\nowner:\n'));
  });
});
