// Inputs for the parser fuzz tests (SPEC §5: parsers survive 10,000 random inputs): random text made
// mostly of a format's own pieces, and real files mutated by a few random edits. Each test passes its
// pieces and sizes; the draws come from its seeded PRNG, so a failure names a reproducible input.

export interface FuzzTextOptions {
  /** Fragments of the format (keys, markers, awkward characters) that random text is mostly made of. */
  pieces: readonly string[];
  /** Random text is 0 to maxPieces - 1 fragments long. */
  maxPieces: number;
  /** A fragment is a piece when a draw is below pieceShare, any UTF-16 code unit below unicodeShare, else printable ASCII. */
  pieceShare: number;
  unicodeShare: number;
  /** mutate() makes 1 to maxEdits edits. */
  maxEdits: number;
  /** Longest stretch an edit deletes, and the longest it repeats. */
  maxDelete: number;
  maxRepeat: number;
  /** Longest random text an edit inserts (default: a whole randomText). */
  maxInsert?: number;
}

export interface FuzzText {
  randomText: (rand: () => number) => string;
  /** Deletes, inserts, truncates, switches line ends, swaps lines, inserts a piece, repeats a stretch. */
  mutate: (text: string, rand: () => number) => string;
}

export function fuzzText(o: FuzzTextOptions): FuzzText {
  const piece = (rand: () => number) => o.pieces[Math.floor(rand() * o.pieces.length)]!;

  function randomText(rand: () => number): string {
    const n = Math.floor(rand() * o.maxPieces);
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < o.pieceShare) s += piece(rand);
      else if (r < o.unicodeShare) s += String.fromCharCode(Math.floor(rand() * 0x10000));
      else s += String.fromCharCode(32 + Math.floor(rand() * 95));
    }
    return s;
  }

  function mutate(text: string, rand: () => number): string {
    let s = text;
    const edits = 1 + Math.floor(rand() * o.maxEdits);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(rand() * (s.length + 1));
      const kind = Math.floor(rand() * 7);
      if (kind === 0) s = s.slice(0, at) + s.slice(at + Math.floor(rand() * o.maxDelete));
      else if (kind === 1) s = s.slice(0, at) + randomText(rand).slice(0, o.maxInsert) + s.slice(at);
      else if (kind === 2) s = s.slice(0, at);
      else if (kind === 3) s = s.replace(/\n/g, rand() < 0.5 ? '\r\n' : '\r');
      else if (kind === 4) {
        const ls = s.split('\n');
        const i1 = Math.floor(rand() * ls.length);
        const i2 = Math.floor(rand() * ls.length);
        [ls[i1], ls[i2]] = [ls[i2]!, ls[i1]!];
        s = ls.join('\n');
      } else if (kind === 5) s = s.slice(0, at) + piece(rand) + s.slice(at);
      else s = s.slice(0, at) + s.slice(at, at + Math.floor(rand() * o.maxRepeat)) + s.slice(at);
    }
    return s;
  }

  return { randomText, mutate };
}
