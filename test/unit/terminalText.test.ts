// terminalSafe: repository text made inert for a terminal (SPEC §5 "hostile repositories"): no control
// or bidi character survives raw, line breaks inside a value stay on its line, and plain text is
// untouched.
import assert from 'node:assert/strict';
import { hasTerminalControls, terminalSafe } from '../../src/cli/terminalText';
import { prng } from './decisions/helpers';

/** Every character terminalSafe must escape. */
const UNSAFE_CODES = [
  ...Array.from({ length: 0x20 }, (_, i) => i), // C0, TAB/LF/CR included
  0x7f, // DEL
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), // C1
  0x061c, // Arabic letter mark
  0x200e, // LRM
  0x200f, // RLM
  0x2028, // line separator
  0x2029, // paragraph separator
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e, // embeddings and overrides
  0x2066,
  0x2067,
  0x2068,
  0x2069, // isolates
];
const UNSAFE_SET = new Set(UNSAFE_CODES);

/** A raw control or bidi character left in `text`, or undefined. */
function firstUnsafe(text: string): string | undefined {
  return [...text].find((c) => UNSAFE_SET.has(c.codePointAt(0)!));
}

describe('terminalSafe', () => {
  it('leaves ordinary text alone: letters, accents, emoji, CJK, right-to-left letters, backslashes', () => {
    for (const text of [
      'Use PostgreSQL for the ledger',
      'Zoë Ångström (@zoe)',
      'Ship it 🚀',
      '決定記録',
      'שלום عربى',
      'C:\\Users\\me',
      '\\u001b stays as written',
      '',
    ]) {
      assert.equal(terminalSafe(text), text);
      assert.equal(hasTerminalControls(text), false, text);
    }
  });

  it('ESC, BEL and the rest of C0, DEL and C1 become \\u and four hex digits', () => {
    assert.equal(terminalSafe('Evil\x1b]0;pwned\x07 title'), 'Evil\\u001b]0;pwned\\u0007 title');
    assert.equal(terminalSafe('\x1b[2J\x1b[H'), '\\u001b[2J\\u001b[H');
    assert.equal(terminalSafe('a\x00b\x08c\x7fd'), 'a\\u0000b\\u0008c\\u007fd');
    assert.equal(terminalSafe('\x9b31m red \x9d0;x\x9c'), '\\u009b31m red \\u009d0;x\\u009c');
  });

  it('TAB, LF and CR become \\t, \\n and \\r: one line in, one line out', () => {
    assert.equal(terminalSafe('line one\nline two\r\n\tend'), 'line one\\nline two\\r\\n\\tend');
    assert.equal(terminalSafe('fake.md:1: all good\ndocs/real.md:3: hidden').split('\n').length, 1);
  });

  it('bidi marks, embeddings, overrides and isolates, and the line separators, are escaped', () => {
    assert.equal(terminalSafe('access\u202e\u2066// admin\u2069\u2066'), 'access\\u202e\\u2066// admin\\u2069\\u2066');
    assert.equal(terminalSafe('\u200e\u200f\u202a\u202b\u202c\u202d\u2067\u2068\u061c'), '\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068\\u061c');
    assert.equal(terminalSafe('a\u2028b\u2029c'), 'a\\u2028b\\u2029c');
  });

  it('every one of the characters is escaped, alone and among text; nothing raw is left', () => {
    for (const code of UNSAFE_CODES) {
      const c = String.fromCharCode(code);
      const escaped = terminalSafe(`x${c}y`);
      assert.equal(firstUnsafe(escaped), undefined, `U+${code.toString(16)}`);
      assert.ok(escaped.length > 3, `U+${code.toString(16)} is visible`);
      assert.equal(hasTerminalControls(c), true, `U+${code.toString(16)}`);
    }
  });

  it('neighbours of the ranges are kept: space, ~, U+00A0, U+200D (ZWJ in emoji), U+2030, U+206A', () => {
    for (const text of [' ', '~', '\u00a0', '\u200d', '\u2030', '\u206a', '\u2065'])
      assert.equal(terminalSafe(text), text, `U+${text.codePointAt(0)!.toString(16)}`);
    assert.equal(terminalSafe('👩\u200d💻'), '👩\u200d💻');
  });

  it('is idempotent, and its output holds only characters safe to print (random text)', () => {
    const random = prng(20261124);
    const pool = [...UNSAFE_CODES, 0x41, 0x5c, 0x20, 0xe9, 0x263a, 0x5d0].map((c) => String.fromCharCode(c));
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let i = Math.floor(random() * 40); i > 0; i--) text += pool[Math.floor(random() * pool.length)];
      const once = terminalSafe(text);
      assert.equal(firstUnsafe(once), undefined, JSON.stringify(text));
      assert.equal(terminalSafe(once), once);
      assert.equal(once.includes('\n'), false);
    }
  });
});
