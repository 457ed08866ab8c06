// The YAML reader (yamlReader.ts) and the nesting estimate it runs first (yamlDepth.ts), on their own:
// where problems land (lines, columns, front matter offsets, CRLF), the cap on problems, aliases, and
// yaml's parse without stack traces.
import assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { Problem } from '../../../src/core/shared/problem';
import { MAX_YAML_DEPTH, nestingOver } from '../../../src/core/shared/yamlDepth';
import { guard, lineOf, parseQuietly, rangeOf, readYaml, report, reportYamlErrors, resolve } from '../../../src/core/shared/yamlReader';

const where = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.endColumn ?? null, p.code]);

describe('yamlReader', () => {
  it('readYaml: a valid file has no problems; a syntax error is placed on its line', () => {
    assert.deepEqual(readYaml('name: x\nlist: [a, b]\n', 'a.yml').problems, []);
    const ctx = readYaml('name: x\nlist: [a, b\n', 'a.yml');
    assert.equal(ctx.problems[0]!.code, 'yaml-syntax');
    assert.match(ctx.problems[0]!.message, /^Not valid YAML: /);
    assert.doesNotMatch(ctx.problems[0]!.message, /at line \d+/);
  });

  it('report: lines and columns in the whole file, for YAML found at an offset (front matter)', () => {
    const text = '---\r\nname: x\r\nlabels: 12\r\n---\r\nBody\r\n';
    const base = text.indexOf('name');
    const ctx = readYaml(text, 't.md', text.slice(base, text.indexOf('---', base)), base);
    const labels = (ctx.doc.contents as YAMLMap).items[1]!.value;
    report(ctx, rangeOf(labels, 0), 'error', 'bad-labels', 'Labels must be names.');
    // Underlined to the end of the value, never over the '\r'.
    report(ctx, [rangeOf(labels, 0)[0], 1000], 'warning', 'wide', 'To the end of the line.');
    assert.deepEqual(where(ctx.problems), [
      [2, 8, 10, 'bad-labels'],
      [2, 8, 10, 'wide'],
    ]);
    assert.equal(lineOf(ctx, rangeOf(labels, 0)[0]), 2);
    assert.equal(lineOf(ctx, -50), 0, 'clamped to the file');
    assert.equal(lineOf(ctx, 10_000), 5, 'clamped to the file');
  });

  it('report: a zero-width problem has no endColumn; rangeOf falls back for nodes without a range', () => {
    const ctx = readYaml('a: b\n', 'a.yml');
    report(ctx, [3, 3], 'info', 'here', 'Here.');
    assert.deepEqual(where(ctx.problems), [[0, 3, null, 'here']]);
    assert.deepEqual(rangeOf(undefined, 7), [7, 7]);
    assert.deepEqual(rangeOf({ range: [5, 2, 2] }, 0), [5, 5]);
  });

  it('guard: sorts problems, keeps the first MAX_PROBLEMS and says how many more there were', () => {
    const text = Array.from({ length: 1_005 }, (_, i) => `k${i}: v`).join('\n');
    const ctx = readYaml(text, 'big.yml');
    guard(ctx, 'big.yml', () => {
      for (let line = 1_004; line >= 0; line--) report(ctx, [text.indexOf(`k${line}:`), 0], 'error', 'x', 'X');
    });
    assert.equal(ctx.problems.length, 1_001);
    // The first 1,000 reported (lines 1,004 down to 5) are kept, listed in line order.
    assert.deepEqual([ctx.problems[0]!.line, ctx.problems[999]!.line], [5, 1_004]);
    const last = ctx.problems[1_000]!;
    assert.equal(last.code, 'too-many-problems');
    assert.equal(last.line, 4, 'at the line of the first one left out');
    assert.match(last.message, /^5 more problems/);
  });

  it('guard: what the walk throws becomes a problem; an unreadable file is not walked', () => {
    const ctx = readYaml('a: b\n', 'a.yml');
    guard(ctx, 'a.yml', () => {
      throw new Error('boom\nsecond line');
    });
    assert.deepEqual(where(ctx.problems), [[0, 0, null, 'internal-error']]);
    assert.equal(ctx.problems[0]!.message, 'Could not read a.yml: boom');
    const deep = readYaml(`a: ${'['.repeat(MAX_YAML_DEPTH + 1)}`, 'deep.yml');
    assert.equal(deep.unreadable, true);
    guard(deep, 'deep.yml', () => assert.fail('walked an unreadable file'));
    // `a:` is one level, so the bracket that goes over the limit is the 100th.
    assert.deepEqual(where(deep.problems), [[0, 3 + MAX_YAML_DEPTH - 1, null, 'too-deep']]);
  });

  it('resolve: an alias is the last node before it with its anchor; other nodes are themselves', () => {
    const ctx = readYaml('a: &x [1]\nb: &x [2]\nc: *x\nd: *nope\n', 'a.yml');
    const items = (ctx.doc.contents as YAMLMap).items;
    const c = resolve(ctx, items[2]!.value);
    assert.ok(isSeq(c) && c === items[1]!.value);
    assert.equal(resolve(ctx, items[3]!.value), undefined);
    assert.equal(resolve(ctx, items[0]!.value), items[0]!.value);
  });

  it('parseQuietly captures no stack traces while parsing and restores the limit, even when it throws', () => {
    const before = Error.stackTraceLimit;
    const doc = parseQuietly('a: [1, 2\nb: {\n');
    assert.ok(doc.errors.length > 0);
    assert.equal(doc.errors[0]!.stack?.includes('\n    at '), false);
    assert.equal(Error.stackTraceLimit, before);
    assert.ok(isMap(parseQuietly('a: 1\n').contents));
    assert.throws(() => parseQuietly(Symbol('not text') as unknown as string));
    assert.equal(Error.stackTraceLimit, before);
  });

  it('reportYamlErrors: one problem per yaml error and warning', () => {
    const ctx = readYaml('a: 1\n', 'a.yml');
    ctx.doc = parseQuietly('a: [1\n');
    reportYamlErrors(ctx);
    assert.ok(ctx.problems.length > 0 && ctx.problems.every((p) => p.code === 'yaml-syntax' && p.severity === 'error'));
  });
});

describe('yamlDepth', () => {
  it('nestingOver: null for flat and shallow YAML, however large; the offset where it gets too deep', () => {
    assert.equal(nestingOver(Array.from({ length: 5_000 }, (_, i) => `k${i}: [a, b, {c: d}]`).join('\n'), 10), null);
    assert.equal(nestingOver('a:\n  b:\n    c: 1\n', 3), null);
    assert.equal(nestingOver('a: [[[[x]]]]\n', 3), 5);
    assert.equal(nestingOver('a:\n  b:\n    c:\n      d: 1\n', 3), 22); // the colon of the fourth key
  });
});
