// Offsets in a file's text <-> 0-based lines and columns, the way every reader places a Problem (and
// VS Code a diagnostic): lines are split on '\n' only, so a CRLF line's '\r' belongs to its line
// (column counts stop before it in lineEndAt). One table of line starts per file, then a binary
// search per lookup: readers place thousands of problems and links per file, and scanning the text
// from the start for each would make that quadratic.

/** Offsets at which each line starts (the first is 0; one more after each '\n'). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset, given lineStarts(text). Offsets past the end are on the last line. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based line and column of an offset, given lineStarts(text). */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineAt(starts, offset);
  return { line, column: offset - starts[line]! };
}

/** Offset where a line's content ends: before its '\n', or its '\r\n'; the text's end on the last line. */
export function lineEndAt(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  if (end > starts[line]! && text.charCodeAt(end - 1) === 13) end--;
  return end;
}
