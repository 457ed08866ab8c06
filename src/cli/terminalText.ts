// Text from a repository, made inert for the CLI's terminal output (SPEC §5 "hostile repositories").
// Only the CLI prints to a terminal (the webviews escape HTML instead), hence this lives in src/cli.
// Titles, names, logins, file names and problem messages come from repositories people do not trust;
// printed raw, an ESC sequence can retitle the window, rewrite earlier lines, hide text or (in some
// terminals) write to the clipboard, and a bidi override can make a line read differently from what
// it holds.
//
// terminalSafe() replaces every such character with a visible escape, so the text shows what is there
// and nothing else happens:
//  - TAB, LF and CR become the two characters `\t`, `\n`, `\r`: a table cell or a problem message
//    stays on its one line (`file:line: message`, one problem a line);
//  - every other C0 control (U+0000-U+001F: ESC, BEL, backspace...), DEL (U+007F), the C1 controls
//    (U+0080-U+009F: CSI, OSC...), the bidi marks, embeddings, overrides and isolates (U+061C,
//    U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the line and paragraph separators
//    (U+2028, U+2029) become `\u` and four lowercase hex digits: ESC is the six characters `\u001b`.
// Everything else, backslashes included, is left as it is: the result is for reading, not for parsing
// back (a text that already holds the six characters `\u001b` prints the same as one holding ESC; a
// Windows path keeps its backslashes). JSON output needs none of this: JSON.stringify escapes C0.

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are what gets escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every terminal control and bidi character replaced by a visible escape (see above). */
export function terminalSafe(text: string): string {
  // Most text needs nothing: test first, so the common case allocates nothing.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeChar) : text;
}

/** Whether the text holds a character that terminalSafe() would escape. */
export function hasTerminalControls(text: string): boolean {
  return UNSAFE.test(text);
}
