// The block reader (src/core/shared/blockYaml.ts) must build exactly the nodes yaml builds, or step
// aside (null); and parseTeamFile must give the same team and problems through it as through yaml.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { readBlockYaml } from '../../../src/core/shared/blockYaml';
import { parseTeamFile } from '../../../src/core/team';
import { prng } from '../decisions/helpers';
import { fuzzText } from '../fuzzInputs';
import { readTeamFixture } from '../team/helpers';
import { benchTeamFile } from '../../bench/teamFile';

/** Everything of a node the readers look at: kinds, values, scalar types and sources, all three range ends. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: true, flow: !!node.flow, range: node.range, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: true, flow: !!node.flow, range: node.range, items: node.items.map(shape) };
  if (isScalar(node)) return { value: node.value, type: node.type, range: node.range, source: node.source };
  return { other: String(node) };
}

/** Whether the block reader took `text`; when it did, that it agrees with yaml all the way. */
function agrees(text: string, label: string): boolean {
  const fast = readBlockYaml(text);
  if (fast === null) return false;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const where = `${label}: ${JSON.stringify(text).slice(0, 600)}`;
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    `yaml reports errors for a text the block reader took; ${where}`,
  );
  assert.deepEqual(
    doc.warnings.map((e) => e.message),
    [],
    where,
  );
  assert.deepEqual(shape(fast), shape(doc.contents), where);
  assert.deepEqual(parseTeamFile(text, '.github/team.yml'), parseTeamFile(text, '.github/team.yml', 'yaml'), where);
  return true;
}

const SEEDS = [
  readFileSync('demo/.github/team.yml', 'utf8'),
  readFileSync('test/fixtures/workspace/.github/team.yml', 'utf8'),
  readTeamFixture('broken'),
  readTeamFixture('world'),
];

/** Values in the shape the block reader takes (most generated values, so that it is exercised). */
const SIMPLE = [
  ...['', ' ', 'alice', 'Europe/Berlin', 'Mars/Base', '"09:00-17:30"', '09:00-17:00', "'22:00-06:00'", '[Mon, Tue]', '[ Mon , "Tue" ,Wed ]'],
  ...['[]', '{}', '[Mon,Tue]', '["Tue 09:00-12:00", "Thu 13:00-16:00"]', '[{ from: 2026-12-20, to: 2027-01-03, note: Winter holiday }]'],
  ...['[{from: 2026-12-20}]', '{ urgent: 15m, standard: 24h }', '{ due: "+1 workday", labels: [triage] }', '{ a: { b: [c, [d]] } }'],
];
/** And values that are traps for a hand-written reader: types, indicators, quotes, comments, spaces. */
const VALUES = [
  ...SIMPLE,
  ...['[a, ]', '[a,,b]', '{ a: }', '{a:b}', '[a: b]', '[a #c]', 'DE', '[DE, US]', 'tech lead', "O'Brien", 'C# and F#', 'x # comment', 'x #'],
  ...['x#y', '"x" # c', '"x"#c', "'it''s'", '"a \\"b\\""', '"é ü 日本"', '12', '0x1F', '1e3', '.5', 'true', 'False', '~', 'null', 'Null'],
  ...['2026-12-24', '+3 workdays', '"+1 workday"', '- x', '-x', '? x', ':x', 'x:', 'a: b', 'a:b', 'http://x.io/a#b', '&a x', '*a', '!tag x'],
  ...['|', '>', '@x', '`x`', '%x', 'a, b', 'Load doubles [soon]', '{ x }', 'x   ', '"unterminated', '[unterminated', '{unterminated'],
  ...['"a" b', '\uFEFFx', 'x\u00a0', 'a\u2028b', '😀', 'x\ty'],
];
const KEYS = [
  ...['github', 'name', 'timezone', 'hours', 'days', 'focus', 'holidays', 'away', 'role'],
  ...['note', 'AU-SA', 'x_y', 'true', 'null', '007', 'bad key', '"q"', '<<', '-k'],
];

/** A team file of random members with random values, comments, blank lines and indentation. */
function generated(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const value = () => pick(rand() < 0.97 ? SIMPLE : VALUES);
  const eol = rand() < 0.15 ? '\r\n' : '\n';
  const lines: string[] = [];
  if (rand() < 0.3) lines.push('# A team file', '');
  lines.push(`team: ${pick(['Bench', 'Payments', '"Q"', ''])}`);
  if (rand() < 0.3) lines.push(`responseTimes: ${pick(['{ urgent: 15m, standard: 24h }', '', '[15m]', '{ urgent: 15m }  # c'])}`);
  if (rand() < 0.3) {
    lines.push('holidays:', `  DE: ${pick(['[2026-12-24, 2026-12-25]', '2026-12-24', '', '[]'])}`, ...(rand() < 0.5 ? ['  US: [2026-11-26]'] : []));
  }
  lines.push(`members:${pick(['', '', '', '', '  ', ' # list', ' []'])}`);
  const dash = pick(['  - ', '- ', '    - ', '  -   ']);
  const members = Math.floor(rand() * 5);
  for (let m = 0; m < members; m++) {
    const pad = ' '.repeat(dash.length);
    const fields = Math.floor(rand() * 6);
    lines.push(`${dash}github: ${rand() < 0.8 ? `member-${m}` : value()}`);
    for (let f = 0; f < fields; f++) {
      const r = rand();
      if (r < 0.03) lines.push(pick(['', '# between', '  # indented', `${pad}# indented`, '   ']));
      else if (r < 0.1) lines.push(`${pad}${pick(KEYS)}:`, `${pad}  - ${value()}`, ...(rand() < 0.5 ? [`${pad}  - ${value()}`] : []));
      else if (r < 0.13) lines.push(`${pad}away:`, `${pad}  - from: ${value()}`, `${pad}    to: ${value()}`);
      else if (r < 0.15) lines.push(`${pad}${pick(KEYS)}:`, `${pad}${pick(['- ', '  - ', '  ', ''])}${value()}`);
      else {
        const key = rand() < 0.95 ? pick(KEYS.slice(0, 9)) : pick(KEYS);
        lines.push(`${pad}${key}:${rand() < 0.97 ? pick([' ', '  ']) : ''}${value()}`);
      }
    }
  }
  if (rand() < 0.3) lines.push('issues:', `  defaultDue: ${pick(['"+3 workdays"', '+3 workdays', ''])}`, '  templates:', `    bug: ${value()}`);
  if (rand() < 0.2) lines.push(pick(['# end', '', '  # end', '...', '---']));
  return lines.join(eol) + (rand() < 0.9 ? eol : '');
}

const { mutate } = fuzzText({
  pieces: [
    ...['\n', '\r\n', '  ', ' ', '\t', '#', ' # c', '- ', ':', ': ', '[', ']', '{', '}', ', ', '"', "'"],
    ...['&a ', '*a', '!!str ', '|', '>', '---', '?', '~', '12', '\\', '\uFEFF'],
  ],
  maxPieces: 8,
  pieceShare: 0.8,
  unicodeShare: 0.85,
  maxEdits: 3,
  maxDelete: 20,
  maxRepeat: 20,
  maxInsert: 10,
});

describe('block YAML reader vs yaml', function () {
  this.timeout(120_000);

  it('reads the demo, fixture and bench team files itself, exactly as yaml does', () => {
    for (const [i, text] of [...SEEDS, benchTeamFile(50), benchTeamFile(50).replace(/\n/g, '\r\n')].entries()) {
      assert.ok(agrees(text, `file #${i}`), `file #${i} fell back to yaml`);
    }
  });

  it('agrees with yaml on 6,000 generated team files, or steps aside', () => {
    const rand = prng(8_675_309);
    let simple = 0;
    for (let i = 0; i < 6_000; i++) if (agrees(generated(rand), `generated #${i}`)) simple++;
    assert.ok(simple > 1_000, `block reader used for ${simple} inputs`);
  });

  it('agrees with yaml on 4,000 mutated real team files, or steps aside', () => {
    const rand = prng(1_234_567);
    let simple = 0;
    for (let i = 0; i < 4_000; i++) {
      const seed = SEEDS[Math.floor(rand() * SEEDS.length)]!;
      if (agrees(mutate(seed, rand), `mutated #${i}`)) simple++;
    }
    assert.ok(simple > 500, `block reader used for ${simple} inputs`);
  });

  it('reads these shapes itself, as yaml does', () => {
    const taken = [
      'members:\n- github: a\n  days:\n  - Mon\n  - Tue\n  name: x\n', // a list under a key at the key's indentation
      'a:\n  - x\n  -\n  - \n', // empty items
      '  a: x\n  b: y\n', // an indented root
      "name: O'Brien\nrole: C# dev\nnote: x#y # real comment\n", // quotes and '#' inside plain scalars
      'a: [ {k: v} , [b] ]\nb: { k: [ ] }\n', // nested flow collections
      'a:\n\n  b: c\n', // a blank line before a nested map
      'a:\n  - b: c\n\n    d: e\n',
      'a: ""\nb: \'\'\n', // empty quoted strings
      'a: "x"   \nb: ["x" , \'y\']\n',
      'members:\n  - github: a\n# c\n  - github: b\n# end\n', // comments in column 0 between entries
      'a: x\r\nb:\r\n  - "y"  # c\r\n', // CRLF
    ];
    for (const text of taken) assert.ok(agrees(text, 'case'), `fell back: ${JSON.stringify(text)}`);
  });

  it('steps aside for what it does not read itself', () => {
    const aside = [
      '',
      '# only a comment\n',
      '- a\n- b\n',
      'a: &x 1\nb: *x\n',
      'a: !!str x\n',
      'a: |\n  text\n',
      'a: "x\\ty"\n',
      'a:\tx\n',
      'a: plain\n  continued\n',
      'a: 12\n',
      'a: true\n',
      'a: ~\n',
      'a:\n  # indented comment\n  b: x\n',
      'a:\n# comment after an empty value\nb: x\n',
      '---\na: x\n',
      'a: x\r b: y\n',
      'a: [x,\n  y]\n',
      '"q": x\n',
      'a: x\nb\n',
    ];
    for (const text of aside) assert.equal(readBlockYaml(text), null, JSON.stringify(text));
  });

  it('steps aside, without overflowing the stack, for nesting thousands of levels deep', () => {
    let deepBlock = '';
    for (let i = 0; i < 5_000; i++) deepBlock += `${' '.repeat(i)}k:\n`;
    assert.equal(readBlockYaml(deepBlock), null);
    assert.equal(readBlockYaml(`a: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`), null);
    assert.equal(readBlockYaml(`a: ${'{ k: '.repeat(5_000)}x${' }'.repeat(5_000)}\n`), null);
  });
});
