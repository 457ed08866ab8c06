// The CLI's one problem printer: `check` prints problems as its output, every other command prints
// the problems it met on stderr, so that stdout (a table or JSON) stays usable. Same line either way.
import type { Problem } from '../core/shared/problem';
import { terminalSafe } from './terminalText';

/** `file:line: message` (1-based line), always one line: file and message are made inert. */
export function problemLine(p: Problem): string {
  return `${terminalSafe(p.file)}:${p.line + 1}: ${terminalSafe(p.message)}`;
}

/** One line per problem, in the order given; nothing at all when there are none. */
export function printProblems(problems: readonly Problem[], write: (s: string) => void): void {
  if (problems.length) write(`${problems.map(problemLine).join('\n')}\n`);
}
