// positions.ts (offsets <-> lines and columns) against a naive reference that walks the text from the
// start, on generated texts of '\n' and '\r\n' lines. A fast-check property: a failure is shrunk to a
// short text and offset, and names the seed that reproduces it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineAt, lineEndAt, lineStarts, positionAt } from '../../../src/core/shared/positions';
import { runs } from '../propertyRuns';

/** Line and column of an offset, counted one character at a time from the start. */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let column = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 0;
    } else column++;
  }
  return { line, column: column + Math.max(0, offset - text.length) };
}

/** Where line `line`'s content ends, found by walking to its '\n' and stepping back over a '\r'. */
function naiveLineEnd(text: string, line: number): number {
  let start = 0;
  for (let l = 0; l < line; l++) start = text.indexOf('\n', start) + 1;
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  return end > start && text[end - 1] === '\r' ? end - 1 : end;
}

/** Lines of a few characters (a stray '\r', tabs and non-ASCII among them, an emoji's two code units), joined
 *  by '\n' or '\r\n', the last one with or without a line break. */
const char = fc.constantFrom('a', 'b', ' ', '\t', 'é', '日', '😀', '\r', '#', '-');
const texts = fc
  .record({
    lines: fc.array(fc.record({ chars: fc.array(char, { maxLength: 7 }), crlf: fc.boolean() }), { maxLength: 11 }),
    endsWithBreak: fc.boolean(),
  })
  .map(({ lines, endsWithBreak }) => lines.map((l, i) => l.chars.join('') + (i < lines.length - 1 || endsWithBreak ? (l.crlf ? '\r\n' : '\n') : '')).join(''));

/** A text and five offsets in it: from its start to two past its end (offsets past the end are on the last line). */
const textAndOffsets = texts.chain((t) => fc.tuple(fc.constant(t), fc.array(fc.integer({ min: 0, max: t.length + 2 }), { minLength: 5, maxLength: 5 })));

describe('positions', () => {
  it('agrees with a naive walk for random offsets in 5,000 generated texts (\\n and \\r\\n lines)', () => {
    fc.assert(
      fc.property(textAndOffsets, ([text, offsets]) => {
        const starts = lineStarts(text);
        assert.equal(starts.length, text.split('\n').length, 'one start per line');
        for (const offset of offsets) {
          const expected = naivePosition(text, offset);
          assert.deepEqual(positionAt(starts, offset), expected, `offset ${offset}`);
          assert.equal(lineAt(starts, offset), expected.line, `offset ${offset}`);
          assert.equal(lineEndAt(text, starts, expected.line), naiveLineEnd(text, expected.line), `end of line ${expected.line}`);
        }
      }),
      runs(5_000, 31_415),
    );
  });

  it('places offsets at line starts, at line breaks and past the end', () => {
    const text = 'ab\r\n\ncd';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 4, 5]);
    assert.deepEqual(positionAt(starts, 0), { line: 0, column: 0 });
    assert.deepEqual(positionAt(starts, 2), { line: 0, column: 2 }); // the '\r' belongs to line 0
    assert.deepEqual(positionAt(starts, 3), { line: 0, column: 3 }); // so does its '\n'
    assert.deepEqual(positionAt(starts, 4), { line: 1, column: 0 });
    assert.deepEqual(positionAt(starts, 7), { line: 2, column: 2 });
    assert.deepEqual(positionAt(starts, 99), { line: 2, column: 94 });
    assert.deepEqual(
      [0, 1, 2].map((l) => lineEndAt(text, starts, l)),
      [2, 4, 7],
    );
  });

  it('an empty text is one empty line', () => {
    assert.deepEqual(lineStarts(''), [0]);
    assert.deepEqual(positionAt([0], 0), { line: 0, column: 0 });
    assert.equal(lineEndAt('', [0], 0), 0);
  });

  it('a line that is only "\\r" ends where it starts; a trailing newline opens an empty last line', () => {
    const text = 'a\n\r\n';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 2, 4]);
    assert.equal(lineEndAt(text, starts, 1), 2);
    assert.equal(lineEndAt(text, starts, 2), 4);
  });
});
