// `async-desk check` for one standup: everything parseStandup reports, plus what only the path can
// tell (the file is `<standupsDir>/YYYY-MM-DD/<login>.md`, its date and author agree with the path).
import { analyzeStandup } from './parse';
import { parseStandupPath } from './paths';
import { normalizeDir } from '../shared/paths';
import type { Problem } from '../shared/problem';

/** All checks of `async-desk check`: front matter present and valid YAML, author/date present, date
 *  matches the folder, author matches the file name (case-insensitive), the three sections present,
 *  items well formed (unknown sections are fine). */
export function checkStandup(text: string, file: string, standupsDir: string): Problem[] {
  const a = analyzeStandup(text, file);
  const problems = [...a.standup.problems];
  const where = parseStandupPath(file, standupsDir);
  if (!where) {
    const dir = normalizeDir(standupsDir);
    problems.unshift({
      file,
      line: 0,
      severity: 'error',
      code: 'not-a-standup-path',
      message: `A standup is ${dir ? `${dir}/` : ''}YYYY-MM-DD/<github-login>.md.`,
    });
    return problems;
  }
  const { author, date } = a.standup;
  if (date && date !== where.date) {
    problems.push({ file, line: a.dateLine ?? 0, severity: 'error', code: 'date-mismatch', message: `date ${date} does not match the folder ${where.date}.` });
  }
  if (author && author.toLowerCase() !== where.login.toLowerCase()) {
    problems.push({
      file,
      line: a.authorLine ?? 0,
      severity: 'error',
      code: 'author-mismatch',
      message: `author "${author}" does not match the file name "${where.login}.md".`,
    });
  }
  return problems.sort((x, y) => x.line - y.line);
}
