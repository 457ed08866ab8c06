// `async-desk templates`: the repository's issue templates in github.com's order (forms, then
// Markdown templates, by file name), or the built-in ones when it has none. --json also lists each
// form's fields: what `issue create --answers` refers to.
import { discoverTemplates, UPLOAD_NOTE, type TemplateSet } from '../../core/issues';
import type { Command } from '../context';
import { printProblems } from '../problems';
import { tableLines } from '../table';
import { terminalSafe } from '../terminalText';

export const templates: Command = async (ctx, args, { out, err }) => {
  const set = await discoverTemplates(ctx.root);
  const problems = [...set.problems, ...set.templates.flatMap((t) => t.problems)];
  // Problems go to stderr so that stdout (the table or JSON) stays usable.
  printProblems(problems, err);
  if (args.json) {
    const rows = set.templates.map((t) => ({
      name: t.name,
      kind: t.kind,
      file: t.file,
      key: t.key,
      builtIn: t.builtIn,
      about: t.about,
      title: t.title,
      labels: t.labels,
      assignees: t.assignees,
      projects: t.projects,
      type: t.type ?? null,
      // What --answers of `issue create` refers to.
      fields: t.fields.flatMap((f) =>
        f.type === 'markdown'
          ? []
          : [
              {
                id: f.id,
                type: f.type,
                label: f.label,
                required: f.required,
                ...(f.type === 'dropdown'
                  ? { options: f.options, multiple: f.multiple }
                  : f.type === 'checkboxes'
                    ? { options: f.options.map((o) => o.label) }
                    : {}),
                // Uploads take no answer: the files go on github.com once the issue exists.
                ...(f.type === 'upload' ? { note: UPLOAD_NOTE } : {}),
              },
            ],
      ),
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(templatesText(set));
  }
  // The chooser's config (config.yml) never fails the listing: github.com still shows the templates
  // when it is broken. Its problems are printed above all the same (and `check` counts them).
  return problems.some((p) => p.severity === 'error' && !isTemplateConfig(p.file)) ? 1 : 0;
};

/** .github/ISSUE_TEMPLATE/config.yml and the like: the template chooser's config. */
function isTemplateConfig(file: string): boolean {
  return /(?:^|\/)config\.ya?ml$/i.test(file);
}

/** The table of templates, then what config.yml says (blank issues off, contact links). */
function templatesText(set: TemplateSet): string {
  const lines: string[] = [];
  if (set.templates[0]?.builtIn) lines.push('No issue templates in .github/ISSUE_TEMPLATE or docs/ISSUE_TEMPLATE: these are the built-in ones.', '');
  const rows = set.templates.map((t) => [t.name, t.kind, t.labels.join(', '), t.builtIn ? `(built in: ${t.key})` : t.file]);
  lines.push(...tableLines(['Name', 'Kind', 'Labels', 'File'], rows));
  if (!set.blankIssuesEnabled) lines.push('', 'Blank issues are turned off (config.yml).');
  if (set.contactLinks.length) {
    const links = set.contactLinks.map((l) => `  ${terminalSafe(l.name)}: ${terminalSafe(l.url)}\n    ${terminalSafe(l.about)}`);
    lines.push('', 'Contact links:', ...links);
  }
  return `${lines.join('\n')}\n`;
}
