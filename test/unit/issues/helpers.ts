// Shared helpers for the issue-template tests. Fixtures are read from the source tree (tests run from
// the repository root).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { IssueTemplate, Problem } from '../../../src/core/issues';

export const FORM_CORPUS = path.resolve(process.cwd(), 'test/fixtures/issue-forms');

/** Problems as 'line:severity:code' with 1-based lines, as an editor shows them. */
export function brief(problems: Problem[]): string[] {
  return problems.map((p) => `${p.line + 1}:${p.severity}:${p.code}`);
}

/** A temporary repository with the given files (path -> text). */
export function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'async-desk-issues-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** The fields that take answers, as 'type:id'. */
export function fieldIds(t: IssueTemplate): string[] {
  return t.fields.map((f) => (f.type === 'markdown' ? 'markdown' : `${f.type}:${f.id}`));
}

/** A minimal valid form with these body lines (indented as under `body:`). */
export function formWith(...bodyLines: string[]): string {
  return ['name: Test', 'description: A test form', 'body:', ...bodyLines].join('\n') + '\n';
}
