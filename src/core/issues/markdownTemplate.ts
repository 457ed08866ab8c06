// Markdown issue templates (.github/ISSUE_TEMPLATE/*.md) -> IssueTemplate. Front matter keys as GitHub
// reads them ("Manually creating a single issue template"): name and about (both needed for the
// template chooser), title, labels and assignees (lists or comma-separated strings), type, projects.
// The rest of the file is the starting body. Never throws.
import { isMap, isScalar } from 'yaml';
import { BOM } from '../shared/text';
import { emptyTemplate } from './form';
import type { IssueTemplate } from './types';
import { entries, isNull, nameList, optionalString, requiredString, unknownKey } from '../shared/yamlFields';
import { guard, rangeOf, readYaml, report, resolve, type YamlCtx } from '../shared/yamlReader';

const KEYS = ['name', 'about', 'title', 'labels', 'assignees', 'type', 'projects'] as const;

export function parseMarkdownTemplate(text: string, file: string): IssueTemplate {
  const template = emptyTemplate('markdown', file);
  const start = text.startsWith(BOM) ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start));
  const close = open ? /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(start + open[0].length)) : null;
  if (!open || !close) {
    const ctx = readYaml(text, file, '');
    report(
      ctx,
      [0, 0],
      'error',
      'missing-front-matter',
      open
        ? 'The front matter is not closed: add a line "---" after it.'
        : 'A Markdown issue template starts with front matter: "---", then `name:` and `about:`, then "---".',
    );
    template.problems = ctx.problems;
    template.body = bodyText(text.slice(start));
    return template;
  }
  const yamlStart = start + open[0].length;
  const yamlEnd = yamlStart + close.index;
  const ctx = readYaml(text, file, text.slice(yamlStart, yamlEnd), yamlStart);
  guard(ctx, 'the front matter', () => readFrontMatter(ctx, template));
  template.problems = ctx.problems;
  template.body = bodyText(text.slice(yamlEnd + close[0].length));
  return template;
}

/** The starting body: line breaks as a browser's textarea gives them (LF), without the blank lines
 *  that separate it from the front matter. */
function bodyText(rest: string): string {
  return rest.replace(/\r\n?/g, '\n').replace(/^\n+/, '');
}

function readFrontMatter(ctx: YamlCtx, t: IssueTemplate): void {
  const root = resolve(ctx, ctx.doc.contents);
  if (isNull(root) || (isScalar(root) && root.value === '') || !isMap(root)) {
    if (ctx.doc.errors.length === 0) report(ctx, rangeOf(root, 0), 'error', 'missing-name', 'The front matter needs `name:` and `about:` lines.');
    return;
  }
  const seen = new Set<string>();
  for (const e of entries(ctx, root, 'the front matter')) {
    seen.add(e.key);
    switch (e.key) {
      case 'name':
        t.name = requiredString(ctx, e, '`name`', 'bad-name')?.trim() ?? '';
        break;
      case 'about':
        t.about = requiredString(ctx, e, '`about`', 'bad-about')?.trim() ?? '';
        break;
      case 'title':
        t.title = optionalString(ctx, e, '`title`', 'bad-title') ?? '';
        break;
      case 'labels':
        t.labels = nameList(ctx, e, '`labels`', 'bad-labels');
        break;
      case 'assignees':
        t.assignees = nameList(ctx, e, '`assignees`', 'bad-assignees').map((a) => a.replace(/^@/, ''));
        break;
      case 'projects':
        t.projects = nameList(ctx, e, '`projects`', 'bad-projects');
        break;
      case 'type': {
        const type = optionalString(ctx, e, '`type`', 'bad-type')?.trim();
        if (type) t.type = type;
        break;
      }
      default:
        // GitHub ignores other keys in Markdown templates: worth a warning, not a refusal.
        unknownKey(ctx, e, 'the front matter', KEYS, 'warning');
    }
  }
  for (const key of ['name', 'about'] as const) {
    if (!seen.has(key))
      report(
        ctx,
        rangeOf(root, 0),
        'error',
        `missing-${key}`,
        `The front matter needs \`${key}:\`; GitHub lists only templates with a name and an about text.`,
      );
  }
}
