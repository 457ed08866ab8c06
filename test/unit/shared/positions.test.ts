// positions.ts (offsets <-> lines and columns) against a naive reference that walks the text from the
// start, on random texts of '\n' and '\r\n' lines. A property test with the project's seeded PRNG (as
// the fuzz tests do), so a failure names a reproducible text and offset.
import assert from 'node:assert/strict';
import { lineAt, lineEndAt, lineStarts, positionAt } from '../../../src/core/shared/positions';
import { prng } from '../decisions/helpers';

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

/** Random lines of a few characters (a stray '\r' and non-ASCII among them), joined by '\n' or '\r\n'. */
function randomText(rand: () => number): string {
  const chars = ['a', 'b', ' ', '\t', 'é', '日', '😀', '\r', '#', '-'];
  let text = '';
  for (let l = 0, lines = Math.floor(rand() * 12); l < lines; l++) {
    for (let c = 0, n = Math.floor(rand() * 8); c < n; c++) text += chars[Math.floor(rand() * chars.length)];
    if (l < lines - 1 || rand() < 0.5) text += rand() < 0.4 ? '\r\n' : '\n';
  }
  return text;
}

describe('positions', () => {
  it('agrees with a naive walk for random offsets in 5,000 random texts (\\n and \\r\\n lines)', () => {
    const rand = prng(31_415);
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(rand);
      const starts = lineStarts(text);
      assert.equal(starts.length, text.split('\n').length, JSON.stringify(text));
      for (let k = 0; k < 5; k++) {
        const offset = Math.floor(rand() * (text.length + 1));
        const where = `text #${i} ${JSON.stringify(text)}, offset ${offset}`;
        const expected = naivePosition(text, offset);
        assert.deepEqual(positionAt(starts, offset), expected, where);
        assert.equal(lineAt(starts, offset), expected.line, where);
        assert.equal(lineEndAt(text, starts, expected.line), naiveLineEnd(text, expected.line), where);
      }
    }
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
