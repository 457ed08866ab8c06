// Finds a repository's issue templates the way github.com lists them in its template chooser:
// `.github/ISSUE_TEMPLATE/` and `docs/ISSUE_TEMPLATE/` (SPEC §2), files ending in .md, .yml or .yaml
// (sub-folders are not read), `config.yml`/`config.yaml` as the chooser's config, forms before
// Markdown templates, then by file name. Never throws: unreadable folders and files are problems.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../decisions/types';
import { BUILT_IN_TEMPLATES } from './builtIn';
import { parseTemplateConfig } from './config';
import { parseIssueForm } from './form';
import { parseMarkdownTemplate } from './markdownTemplate';
import type { IssueTemplate, TemplateSet } from './types';

export const TEMPLATE_DIRS = ['.github/ISSUE_TEMPLATE', 'docs/ISSUE_TEMPLATE'] as const;

const problem = (file: string, code: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({ file, line: 0, severity, code, message });

export async function discoverTemplates(root: string): Promise<TemplateSet> {
  const set: TemplateSet = { templates: [], blankIssuesEnabled: true, contactLinks: [], problems: [] };
  let configFound = false;
  for (const dir of TEMPLATE_DIRS) {
    let names: string[];
    try {
      const dirents = await fsp.readdir(path.join(root, dir), { withFileTypes: true });
      names = dirents.filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') set.problems.push(problem(dir, 'unreadable', `Could not read the folder: ${(error as Error).message}`));
      continue;
    }
    for (const name of names.sort()) {
      const file = `${dir}/${name}`;
      const lower = name.toLowerCase();
      const isConfig = lower === 'config.yml' || lower === 'config.yaml';
      const kind = /\.ya?ml$/.test(lower) ? 'form' : lower.endsWith('.md') ? 'markdown' : null;
      if (!kind) continue;
      let text: string;
      try {
        text = await fsp.readFile(path.join(root, file), 'utf8');
      } catch (error) {
        set.problems.push(problem(file, 'unreadable', `Could not read the file: ${(error as Error).message}`));
        continue;
      }
      if (isConfig) {
        // The first config found is the chooser's; a second one would be silently ignored by GitHub.
        if (configFound) {
          set.problems.push(problem(file, 'ignored-config', 'Another template config comes first (.github/ISSUE_TEMPLATE); this one is not used.', 'warning'));
          continue;
        }
        configFound = true;
        const config = parseTemplateConfig(text, file);
        set.blankIssuesEnabled = config.blankIssuesEnabled;
        set.contactLinks = config.contactLinks;
        set.problems.push(...config.problems);
        continue;
      }
      const template = kind === 'form' ? parseIssueForm(text, file) : parseMarkdownTemplate(text, file);
      if (template.name) set.templates.push(template);
      else {
        // Nothing to list it by: its problems say why, and that it is left out.
        set.problems.push(...template.problems);
        set.problems.push(problem(file, 'template-skipped', 'This template has no usable `name`, so it is not offered.'));
      }
    }
  }
  set.templates.sort(githubOrder);
  const byKey = new Map<string, IssueTemplate>();
  for (const t of set.templates) {
    const first = byKey.get(t.key);
    if (first) t.problems.push(problem(t.file, 'duplicate-key', `${first.file} has the same file name; team-file defaults (issues.templates.${t.key}) and --template ${t.key} apply to that one.`, 'warning'));
    else byKey.set(t.key, t);
  }
  if (set.templates.length === 0) set.templates = BUILT_IN_TEMPLATES.map((t) => ({ ...t }));
  return set;
}

/** Forms before Markdown templates, then by file name (then folder, for the same name in both). */
function githubOrder(a: IssueTemplate, b: IssueTemplate): number {
  if (a.kind !== b.kind) return a.kind === 'form' ? -1 : 1;
  const an = a.file.slice(a.file.lastIndexOf('/') + 1);
  const bn = b.file.slice(b.file.lastIndexOf('/') + 1);
  return an < bn ? -1 : an > bn ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
