// What a new issue starts from, asked before the form opens: the workspace folder (or the decision record
// it follows up, which gives the folder) and the template, in a QuickPick listed as github.com lists them.
// Also finds a saved draft's template again.
import * as vscode from 'vscode';
import { BUILT_IN_TEMPLATES, type IssueTemplate, type TemplateSet } from '../../core/issues';
import { emptyTemplate } from '../../core/issues/form';
import type { DecisionStore } from '../decisions/decisionStore';
import { Cancelled, UserError } from '../shared/errors';
import type { OpenIssueArgs } from './api';
import type { IssueDraft } from './drafts';

/** "Blank issue" (config.yml's blank_issues_enabled): a Markdown template with nothing in it. */
export const BLANK_TEMPLATE: IssueTemplate = { ...emptyTemplate('markdown', ''), builtIn: true, key: 'blank', name: 'Blank issue' };

export interface IssueTarget {
  folder: vscode.WorkspaceFolder;
  /** The decision record the issue follows up (folder-relative), and its title for the form. */
  recordFile?: string;
  recordTitle?: string;
}

/** The folder (and record) of `args`, else the only folder, else the one you pick. */
export async function pickTarget(args: OpenIssueArgs, decisions: DecisionStore): Promise<IssueTarget> {
  let recordUri: vscode.Uri | undefined;
  const record = args.record;
  if (record instanceof vscode.Uri) recordUri = record;
  else if (record && typeof record === 'object' && record.ref) recordUri = vscode.Uri.joinPath(record.ref.folder.root, ...record.ref.record.file.split('/'));
  if (recordUri) {
    await decisions.ready();
    const ref = decisions.recordAt(recordUri);
    if (!ref) throw new UserError(`${vscode.workspace.asRelativePath(recordUri)} is not a decision record.`);
    const number = ref.record.number ? `ADR-${String(ref.record.number).padStart(4, '0')} ` : '';
    return { folder: ref.folder.workspaceFolder, recordFile: ref.record.file, recordTitle: `${number}${ref.record.title}`.trim() };
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const byArg = args.folder ? vscode.workspace.getWorkspaceFolder(args.folder) : undefined;
  const folder =
    byArg ?? (folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Open an issue for the repository of…' }));
  if (!folder) throw folders.length ? new Cancelled() : new UserError('Open the folder of a GitHub repository first.');
  return { folder };
}

/**
 * The template named `wanted` (key or name), else the one you pick. Undefined when you picked one of
 * config.yml's contact links instead (it opens in the browser).
 */
export async function pickTemplate(set: TemplateSet, wanted: string | undefined, forRecord: boolean): Promise<IssueTemplate | undefined> {
  if (wanted) {
    // The repo's own template first; a built-in one asked for by another feature (a standup's
    // 'blocker', a decision's follow-up) also in repositories with templates of their own.
    const name = wanted.toLowerCase();
    const found = [...set.templates, ...BUILT_IN_TEMPLATES].find((t) => t.key.toLowerCase() === name || t.name.toLowerCase() === name);
    if (found) return found;
    throw new UserError(`No issue template named "${wanted}" in ${set.templates.length ? 'this repository' : 'the built-in ones'}.`);
  }
  type Item = vscode.QuickPickItem & { template?: IssueTemplate; url?: string; blank?: boolean };
  const items: Item[] = set.templates.map((t) => ({
    label: t.builtIn ? `$(sparkle) ${t.name}` : t.name,
    description: t.kind === 'form' ? 'form' : 'Markdown',
    detail: [
      t.about,
      t.problems.some((p) => p.severity === 'error') ? '$(warning) has problems (see Problems)' : '',
      t.builtIn ? 'built in: this repository has no issue templates' : '',
    ]
      .filter(Boolean)
      .join(' · '),
    template: t,
  }));
  if (forRecord) items.sort((a, b) => Number(/decision/i.test(b.template!.name)) - Number(/decision/i.test(a.template!.name)));
  if (set.blankIssuesEnabled && !set.templates.every((t) => t.builtIn)) items.push({ label: 'Blank issue', description: 'no template', blank: true });
  if (set.contactLinks.length) {
    items.push({ label: 'Links', kind: vscode.QuickPickItemKind.Separator });
    for (const link of set.contactLinks) items.push({ label: `$(link-external) ${link.name}`, description: link.url, detail: link.about, url: link.url });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open an issue from which template?', matchOnDescription: true, matchOnDetail: true });
  if (!picked) throw new Cancelled();
  if (picked.url) {
    await vscode.env.openExternal(vscode.Uri.parse(picked.url));
    return undefined;
  }
  if (picked.blank) return BLANK_TEMPLATE;
  return picked.template;
}

/** A saved draft's template: the same file when it is still there, else one with its key. */
export function templateOfDraft(draft: IssueDraft, set: TemplateSet | undefined): IssueTemplate | undefined {
  if (draft.templateKey === BLANK_TEMPLATE.key) return BLANK_TEMPLATE;
  return (
    set?.templates.find((t) => t.key === draft.templateKey && t.file === draft.templateFile) ??
    [...(set?.templates ?? []), ...BUILT_IN_TEMPLATES].find((t) => t.key === draft.templateKey)
  );
}
