// Finds a repository's issue templates the way github.com lists them in its template chooser:
// `.github/ISSUE_TEMPLATE/` and `docs/ISSUE_TEMPLATE/` (SPEC §2), files ending in .md, .yml or .yaml
// (sub-folders are not read), `config.yml`/`config.yaml` as the chooser's config, forms before
// Markdown templates, then by file name. Never throws: unreadable folders and files are problems.
// Folders and files are read through RepoFiles: inside the root only, regular files, size-limited.
import type { Problem } from '../shared/problem';
import { CONFIG_LIMIT, RepoFiles, type ReadLimits } from '../shared/repoFiles';
import { BUILT_IN_TEMPLATES } from './builtIn';
import { parseTemplateConfig } from './config';
import { parseIssueForm } from './form';
import { parseMarkdownTemplate } from './markdownTemplate';
import type { IssueTemplate, TemplateSet } from './types';

export const TEMPLATE_DIRS = ['.github/ISSUE_TEMPLATE', 'docs/ISSUE_TEMPLATE'] as const;

const problem = (file: string, code: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({ file, line: 0, severity, code, message });

const TEMPLATE_NAME = /\.(?:md|ya?ml)$/i;

// The reads are synchronous and bounded by the size limit; the function stays async so that its
// callers (the extension, the CLI) need not change if a read ever becomes asynchronous.
// eslint-disable-next-line @typescript-eslint/require-await -- see above
export async function discoverTemplates(root: string, limits?: ReadLimits): Promise<TemplateSet> {
  const files = new RepoFiles(root, limits);
  const set: TemplateSet = { templates: [], blankIssuesEnabled: true, contactLinks: [], problems: [] };
  let configFound = false;
  for (const dir of TEMPLATE_DIRS) {
    const listing = files.list(dir);
    if (listing.missing) continue;
    // A linked template folder or file that leads outside the repository is a problem, not a read.
    for (const p of listing.problems) if (p.file === dir || TEMPLATE_NAME.test(p.file)) set.problems.push(p);
    for (const e of listing.entries) {
      if (e.kind === 'other' && TEMPLATE_NAME.test(e.name))
        set.problems.push(problem(`${dir}/${e.name}`, 'not-a-file', `${dir}/${e.name} is not a regular file (a device, FIFO or socket); not read.`));
    }
    const names = listing.entries.filter((e) => e.kind === 'file').map((e) => e.name);
    for (const name of names.sort()) {
      const file = `${dir}/${name}`;
      const lower = name.toLowerCase();
      const isConfig = lower === 'config.yml' || lower === 'config.yaml';
      const kind = /\.ya?ml$/.test(lower) ? 'form' : lower.endsWith('.md') ? 'markdown' : null;
      if (!kind) continue;
      const read = files.read(file, isConfig ? CONFIG_LIMIT : files.limits.file, isConfig ? '' : 'setting asyncDesk.maxFileSizeMB');
      if (!read.ok) {
        if (!read.missing) set.problems.push(read.problem);
        continue;
      }
      const text = read.text;
      if (isConfig) {
        // The first config found is the chooser's; a second one would be silently ignored by GitHub.
        if (configFound) {
          set.problems.push(problem(file, 'ignored-config', 'Another template config comes first (.github/ISSUE_TEMPLATE); this one is not used.', 'warning'));
          continue;
        }
        configFound = true;
        const config = guarded(file, () => parseTemplateConfig(text, file));
        if ('crashed' in config) {
          set.problems.push(config.crashed);
          continue;
        }
        set.blankIssuesEnabled = config.blankIssuesEnabled;
        set.contactLinks = config.contactLinks;
        for (const p of config.problems) set.problems.push(p);
        continue;
      }
      const template = guarded(file, () => (kind === 'form' ? parseIssueForm(text, file) : parseMarkdownTemplate(text, file)));
      if ('crashed' in template) set.problems.push(template.crashed);
      else if (template.name) set.templates.push(template);
      else {
        // Nothing to list it by: its problems say why, and that it is left out.
        for (const p of template.problems) set.problems.push(p);
        set.problems.push(problem(file, 'template-skipped', 'This template has no usable `name`, so it is not offered.'));
      }
    }
  }
  set.templates.sort(githubOrder);
  const byKey = new Map<string, IssueTemplate>();
  for (const t of set.templates) {
    const first = byKey.get(t.key);
    if (first)
      t.problems.push(
        problem(
          t.file,
          'duplicate-key',
          `${first.file} has the same file name; team-file defaults (issues.templates.${t.key}) and --template ${t.key} apply to that one.`,
          'warning',
        ),
      );
    else byKey.set(t.key, t);
  }
  if (set.templates.length === 0) set.templates = BUILT_IN_TEMPLATES.map((t) => ({ ...t }));
  return set;
}

/** A parser's result, or a problem on the file when it threw (one bad template never hides the others). */
function guarded<T extends object>(file: string, parse: () => T): T | { crashed: Problem } {
  try {
    return parse();
  } catch (error) {
    const message =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'it is nested too deeply to read'
        : `it could not be read (${(error as Error).message})`;
    return { crashed: problem(file, 'unreadable-template', `${file} is left out: ${message}.`) };
  }
}

/** Forms before Markdown templates, then by file name (then folder, for the same name in both). */
function githubOrder(a: IssueTemplate, b: IssueTemplate): number {
  if (a.kind !== b.kind) return a.kind === 'form' ? -1 : 1;
  const an = a.file.slice(a.file.lastIndexOf('/') + 1);
  const bn = b.file.slice(b.file.lastIndexOf('/') + 1);
  return an < bn ? -1 : an > bn ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
