// The typed field readers (yamlFields.ts) on their own: what each returns, and the problem (code, line,
// columns) it reports for a value of the wrong shape.
import assert from 'node:assert/strict';
import { isMap, type YAMLMap } from 'yaml';
import type { Problem } from '../../../src/core/shared/problem';
import {
  booleanOf,
  commaList,
  entries,
  isNull,
  nameList,
  optionalString,
  requiredString,
  scalarText,
  stringOf,
  unknownKey,
  type Entry,
} from '../../../src/core/shared/yamlFields';
import { readYaml, type YamlCtx } from '../../../src/core/shared/yamlReader';

/** The root map of `lines` and its entries by key. */
function read(...lines: string[]): { ctx: YamlCtx; map: YAMLMap; e: Record<string, Entry> } {
  const ctx = readYaml(`${lines.join('\n')}\n`, 'form.yml');
  assert.ok(isMap(ctx.doc.contents));
  const map = ctx.doc.contents as YAMLMap;
  return { ctx, map, e: Object.fromEntries(entries(ctx, map, 'the form').map((x) => [x.key, x])) };
}

const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.endColumn ?? null, p.code]);

describe('yamlFields', () => {
  it('entries: keys in order, values resolved through aliases; odd and duplicate keys reported', () => {
    const { ctx, e } = read('name: &n Bug', 'copy: *n', '[a]: x', 'name: again');
    assert.deepEqual(Object.keys(e), ['name', 'copy']);
    assert.equal(scalarText(e.copy!.value), 'Bug');
    assert.equal(e.copy!.offset, 13);
    assert.deepEqual(where(ctx.problems), [
      [2, 0, 3, 'bad-key'],
      [3, 0, 4, 'duplicate-key'],
    ]);
  });

  it('scalarText: strings, numbers and booleans as written, dates as days; stringOf only strings', () => {
    const { e } = read('s: text', 'n: 0012', 'b: true', 'd: !!timestamp 2026-01-02', 'l: [a]', 'z:');
    assert.deepEqual(
      ['s', 'n', 'b', 'd', 'l', 'z'].map((k) => scalarText(e[k]!.value)),
      ['text', '0012', 'true', '2026-01-02', undefined, undefined],
    );
    assert.deepEqual(
      ['s', 'n', 'b'].map((k) => stringOf(e[k]!.value)),
      ['text', undefined, undefined],
    );
    assert.deepEqual(
      ['z', 's'].map((k) => isNull(e[k]!.value)),
      [true, false],
    );
    assert.equal(isNull(undefined), true);
  });

  it('requiredString and optionalString: a problem at the value when it is not a (non-empty) string', () => {
    const { ctx, e } = read('a: ok', 'b: 12', 'c: "  "', 'd:', 'f: true');
    assert.equal(requiredString(ctx, e.a!, '`a`', 'bad-a'), 'ok');
    assert.equal(requiredString(ctx, e.b!, '`b`', 'bad-b'), undefined);
    assert.equal(requiredString(ctx, e.c!, '`c`', 'bad-c'), undefined);
    assert.equal(optionalString(ctx, e.d!, '`d`', 'bad-d'), undefined);
    assert.equal(optionalString(ctx, e.f!, '`f`', 'bad-f'), undefined);
    assert.deepEqual(where(ctx.problems), [
      [1, 3, 5, 'bad-b'],
      [2, 3, 7, 'bad-c'],
      [4, 3, 7, 'bad-f'],
    ]);
    assert.match(ctx.problems[0]!.message, /quote it/);
    assert.match(ctx.problems[1]!.message, /non-empty/);
  });

  it('booleanOf: true and false only', () => {
    const { ctx, e } = read('a: true', 'b: "yes"');
    assert.equal(booleanOf(ctx, e.a!, '`a`'), true);
    assert.equal(booleanOf(ctx, e.b!, '`b`'), undefined);
    assert.deepEqual(where(ctx.problems), [[1, 3, 8, 'bad-boolean']]);
  });

  it('nameList: a list, a comma-separated string or one name; numbers and maps are problems', () => {
    const { ctx, e } = read('a: [bug, " triage ", ""]', 'b: bug, triage', 'c: bug', 'd:', 'f: [bug, 12]', 'g: { x: y }');
    assert.deepEqual(nameList(ctx, e.a!, '`a`', 'bad'), ['bug', 'triage']);
    assert.deepEqual(nameList(ctx, e.b!, '`b`', 'bad'), ['bug', 'triage']);
    assert.deepEqual(nameList(ctx, e.c!, '`c`', 'bad'), ['bug']);
    assert.deepEqual(nameList(ctx, e.d!, '`d`', 'bad'), []);
    assert.deepEqual(nameList(ctx, e.f!, '`f`', 'bad'), ['bug']);
    assert.deepEqual(nameList(ctx, e.g!, '`g`', 'bad'), []);
    assert.deepEqual(where(ctx.problems), [
      [4, 9, 11, 'bad'],
      [5, 3, 11, 'bad'],
    ]);
    assert.deepEqual(commaList(' a, ,b ,'), ['a', 'b']);
  });

  it('unknownKey: names the known keys and suggests the one that differs only in case', () => {
    const { ctx, e } = read('Name: x', 'other: y');
    unknownKey(ctx, e.Name!, 'the form', ['name', 'about']);
    unknownKey(ctx, e.other!, 'the form', ['name'], 'warning');
    assert.deepEqual(where(ctx.problems), [
      [0, 0, 4, 'unknown-key'],
      [1, 0, 5, 'unknown-key'],
    ]);
    assert.match(ctx.problems[0]!.message, /did you mean "name"\?.*GitHub rejects/);
    assert.equal(ctx.problems[1]!.severity, 'warning');
    assert.doesNotMatch(ctx.problems[1]!.message, /GitHub rejects/);
  });
});
