// The block reader (src/core/shared/blockYaml.ts) must build exactly the nodes yaml builds, or step
// aside (null); and parseTeamFile must give the same team and problems through it as through yaml.
// Differential fast-check properties over generated team files and real ones with a few edits (a
// failure is shrunk to a small file and few edits), then deliberate cases as plain examples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { readBlockYaml } from '../../../src/core/shared/blockYaml';
import { parseTeamFile } from '../../../src/core/team';
import { runs } from '../propertyRuns';
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

/** The real team files the mutations start from, by name (a counterexample names its file). */
const SEEDS: Record<string, string> = {
  demo: readFileSync('demo/.github/team.yml', 'utf8'),
  workspace: readFileSync('test/fixtures/workspace/.github/team.yml', 'utf8'),
  broken: readTeamFixture('broken'),
  world: readTeamFixture('world'),
};

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

// Choices are weighted like the files people write; a failure shrinks towards the first choice of each
// (cross-shrinking: from a trap to a plain value, from a section to none).
const shrinkToFirst = { withCrossShrink: true };

/** `arb`'s value with probability `p`, else null (absent). */
const sometimes = <T>(p: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof(shrinkToFirst, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) }, { weight: Math.round(p * 100), arbitrary: arb });

/** Mostly values in the shape the block reader takes (so that it is exercised), now and then a trap. */
const value = fc.oneof(shrinkToFirst, { weight: 97, arbitrary: fc.constantFrom(...SIMPLE) }, { weight: 3, arbitrary: fc.constantFrom(...VALUES) });

/** Mostly the keys the team file has; now and then one it does not know, or that is not a plain string. */
const key = fc.oneof(shrinkToFirst, { weight: 95, arbitrary: fc.constantFrom(...KEYS.slice(0, 9)) }, { weight: 5, arbitrary: fc.constantFrom(...KEYS) });
const anyKey = fc.constantFrom(...KEYS);
/** After `key:`, one or two spaces; rarely none. */
const gap = fc.oneof(shrinkToFirst, { weight: 97, arbitrary: fc.constantFrom(' ', '  ') }, { weight: 3, arbitrary: fc.constant('') });

/** A member's line (or lines), given the indentation of its keys. */
type Field = (pad: string) => string[];
const field: fc.Arbitrary<Field> = fc.oneof(
  shrinkToFirst,
  { weight: 85, arbitrary: fc.tuple(key, gap, value).map(([k, g, v]) => (pad: string) => [`${pad}${k}:${g}${v}`]) },
  { weight: 3, arbitrary: fc.constantFrom('', '# between', '  # indented', 'PAD# indented', '   ').map((line) => (pad: string) => [line.replace('PAD', pad)]) },
  {
    weight: 7,
    arbitrary: fc
      .tuple(anyKey, fc.array(value, { minLength: 1, maxLength: 2 }))
      .map(([k, items]) => (pad: string) => [`${pad}${k}:`, ...items.map((v) => `${pad}  - ${v}`)]),
  },
  { weight: 3, arbitrary: fc.tuple(value, value).map(([from, to]) => (pad: string) => [`${pad}away:`, `${pad}  - from: ${from}`, `${pad}    to: ${to}`]) },
  {
    weight: 2,
    arbitrary: fc.tuple(anyKey, fc.constantFrom('- ', '  - ', '  ', ''), value).map(([k, lead, v]) => (pad: string) => [`${pad}${k}:`, `${pad}${lead}${v}`]),
  },
);

/** A team file of generated members with generated values, comments, blank lines and indentation. */
const teamFile: fc.Arbitrary<string> = fc
  .record({
    eol: fc.oneof(shrinkToFirst, { weight: 85, arbitrary: fc.constant('\n') }, { weight: 15, arbitrary: fc.constant('\r\n') }),
    heading: sometimes(0.3, fc.constant(['# A team file', ''])),
    team: fc.constantFrom('Bench', 'Payments', '"Q"', ''),
    responseTimes: sometimes(0.3, fc.constantFrom('{ urgent: 15m, standard: 24h }', '', '[15m]', '{ urgent: 15m }  # c')),
    holidays: sometimes(0.3, fc.tuple(fc.constantFrom('[2026-12-24, 2026-12-25]', '2026-12-24', '', '[]'), fc.boolean())),
    membersRest: fc.constantFrom('', '', '', '', '  ', ' # list', ' []'),
    dash: fc.constantFrom('  - ', '- ', '    - ', '  -   '),
    members: fc.array(fc.record({ github: sometimes(0.2, value), fields: fc.array(field, { maxLength: 5 }) }), { maxLength: 4 }),
    issues: sometimes(0.3, fc.tuple(fc.constantFrom('"+3 workdays"', '+3 workdays', ''), value)),
    end: sometimes(0.2, fc.constantFrom('# end', '', '  # end', '...', '---')),
    noFinalEol: sometimes(0.1, fc.constant(true)),
  })
  .map((f) => {
    const pad = ' '.repeat(f.dash.length);
    const lines = [...(f.heading ?? []), `team: ${f.team}`];
    if (f.responseTimes !== null) lines.push(`responseTimes: ${f.responseTimes}`);
    if (f.holidays) lines.push('holidays:', `  DE: ${f.holidays[0]}`, ...(f.holidays[1] ? ['  US: [2026-11-26]'] : []));
    lines.push(`members:${f.membersRest}`);
    f.members.forEach((m, i) => lines.push(`${f.dash}github: ${m.github ?? `member-${i}`}`, ...m.fields.flatMap((line) => line(pad))));
    if (f.issues) lines.push('issues:', `  defaultDue: ${f.issues[0]}`, '  templates:', `    bug: ${f.issues[1]}`);
    if (f.end !== null) lines.push(f.end);
    return lines.join(f.eol) + (f.noFinalEol ? '' : f.eol);
  });

// ---- edits of real files ----
// Where an edit applies is given in ten-thousandths of the text (0: its start), so that one edit fits any
// text; drawn evenly (fc.noBias), as the middle of a file matters as much as its ends.

/** What edits insert: mostly pieces of YAML, else any UTF-16 code unit or printable ASCII. */
const PIECES = [
  ...['\n', '\r\n', '  ', ' ', '\t', '#', ' # c', '- ', ':', ': ', '[', ']', '{', '}', ', ', '"', "'"],
  ...['&a ', '*a', '!!str ', '|', '>', '---', '?', '~', '12', '\\', '\uFEFF'],
];
const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
const insertPart = fc.oneof(
  shrinkToFirst,
  { weight: 80, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 5, arbitrary: codeUnit(0, 0xffff) },
  { weight: 15, arbitrary: codeUnit(32, 126) },
);
const insertText = fc.array(insertPart, { maxLength: 7 }).map((parts) => parts.join('').slice(0, 10));
const at = fc.noBias(fc.integer({ min: 0, max: 9_999 }));

type Edit =
  | { delete: number; length: number }
  | { insert: number; text: string }
  | { truncate: number }
  | { lineEnds: '\r\n' | '\r' }
  | { swapLines: [number, number] }
  | { repeat: number; length: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ delete: at, length: fc.nat(19) }),
  fc.record({ insert: at, text: insertText }),
  fc.record({ truncate: at }),
  fc.record({ lineEnds: fc.constantFrom('\r\n' as const, '\r' as const) }),
  fc.record({ swapLines: fc.tuple(at, at) }),
  fc.record({ insert: at, text: fc.constantFrom(...PIECES) }),
  fc.record({ repeat: at, length: fc.nat(19) }),
);

function applyEdit(s: string, e: Edit): string {
  const pos = (where: number) => Math.floor((where / 10_000) * (s.length + 1));
  if ('delete' in e) return s.slice(0, pos(e.delete)) + s.slice(pos(e.delete) + e.length);
  if ('insert' in e) return s.slice(0, pos(e.insert)) + e.text + s.slice(pos(e.insert));
  if ('truncate' in e) return s.slice(0, pos(e.truncate));
  if ('lineEnds' in e) return s.replace(/\n/g, e.lineEnds);
  if ('swapLines' in e) {
    const lines = s.split('\n');
    const [i, j] = e.swapLines.map((where) => Math.floor((where / 10_000) * lines.length)) as [number, number];
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }
  return s.slice(0, pos(e.repeat)) + s.slice(pos(e.repeat), pos(e.repeat) + e.length) + s.slice(pos(e.repeat));
}

/** A real team file (by name) and one to three edits. */
const editedFile = fc.record({ file: fc.constantFrom(...Object.keys(SEEDS)), edits: fc.array(edit, { minLength: 1, maxLength: 3 }) });

describe('block YAML reader vs yaml', function () {
  this.timeout(120_000);

  it('reads the demo, fixture and bench team files itself, exactly as yaml does', () => {
    for (const [i, text] of [...Object.values(SEEDS), benchTeamFile(50), benchTeamFile(50).replace(/\n/g, '\r\n')].entries()) {
      assert.ok(agrees(text, `file #${i}`), `file #${i} fell back to yaml`);
    }
  });

  it('agrees with yaml on 6,000 generated team files, or steps aside', () => {
    let simple = 0;
    fc.assert(
      fc.property(teamFile, (text) => {
        if (agrees(text, 'generated')) simple++;
      }),
      runs(6_000, 8_675_309),
    );
    assert.ok(simple > 1_000, `block reader used for ${simple} inputs`);
  });

  it('agrees with yaml on 4,000 real team files with a few edits, or steps aside', () => {
    let simple = 0;
    fc.assert(
      fc.property(editedFile, ({ file, edits }) => {
        if (agrees(edits.reduce(applyEdit, SEEDS[file]!), `${file} edited`)) simple++;
      }),
      runs(4_000, 1_234_567),
    );
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
