// Problems of one issue template file (the same checks as `async-desk check`), for the editor's
// diagnostics. Lives in dist/issues.js: the template parsers are loaded when a template is opened.
import { parseIssueForm, parseMarkdownTemplate, parseTemplateConfig } from '../../core/issues';
import type { Problem } from '../../core/shared/problem';

export function templateProblems(text: string, file: string): Problem[] {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (name === 'config.yml' || name === 'config.yaml') return parseTemplateConfig(text, file).problems;
  if (name.endsWith('.md')) return parseMarkdownTemplate(text, file).problems;
  return parseIssueForm(text, file).problems;
}
