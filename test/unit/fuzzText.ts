// Random and mutated text for the fuzz tests (SPEC §5: parsers survive 10,000 random inputs). Each
// parser's test brings its own pieces (tokens of its format) and seeds (real files); the generators
// are the same: runs of pieces, random UTF-16 code units and printable ASCII, and edits of a seed.

/** Up to `maxPieces` pieces, code units and ASCII characters. */
export function randomText(rand: () => number, pieces: readonly string[], maxPieces = 60): string {
  const n = Math.floor(rand() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.65) s += pieces[Math.floor(rand() * pieces.length)];
    else if (r < 0.8) s += String.fromCharCode(Math.floor(rand() * 0x10000));
    else s += String.fromCharCode(32 + Math.floor(rand() * 95));
  }
  return s;
}

/** One to six edits: cut, insert random text or a piece, truncate, change line endings, swap two lines, duplicate. */
export function mutate(text: string, rand: () => number, pieces: readonly string[]): string {
  let s = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    const kind = Math.floor(rand() * 7);
    if (kind === 0) s = s.slice(0, at) + s.slice(at + Math.floor(rand() * 40));
    else if (kind === 1) s = s.slice(0, at) + randomText(rand, pieces, 10) + s.slice(at);
    else if (kind === 2) s = s.slice(0, at);
    else if (kind === 3) s = s.replace(/\n/g, rand() < 0.5 ? '\r\n' : '\r');
    else if (kind === 4) {
      const ls = s.split('\n');
      const i1 = Math.floor(rand() * ls.length);
      const i2 = Math.floor(rand() * ls.length);
      [ls[i1], ls[i2]] = [ls[i2]!, ls[i1]!];
      s = ls.join('\n');
    } else if (kind === 5) s = s.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + Math.floor(rand() * 60)) + s.slice(at);
  }
  return s;
}
