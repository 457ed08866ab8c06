// The REST request for POST /repos/{owner}/{repo}/issues, exactly as the extension and the CLI send it,
// and the team file's defaults for a template (SPEC §2.1 `issues:`).
import type { Team } from '../team/types';
import { renderIssueBody } from './body';
import { dueLine } from './due';
import type { Answers, IssueTemplate, ResolvedDue } from './types';
import type { IssueRequest } from './submitTypes';

export type { IssueRequest };

/** `issues.templates.<key>.due`, else `issues.defaultDue`; labels from `issues.templates.<key>.labels`. */
export function templateDefaults(team: Team | undefined, templateKey: string): { due?: string; labels: string[] } {
  const own = team?.issues.templates[templateKey];
  const due = own?.due?.text ?? team?.issues.defaultDue?.text;
  return { ...(due ? { due } : {}), labels: [...(own?.labels ?? [])] };
}

/**
 * The title with the form's `title:` prefix ("[Bug]: "), as github.com pre-fills it: added in front
 * unless the title already starts with it (compared without the prefix's surrounding blanks and without
 * regard to case, so "[bug]: x" and "[Bug]:x" are kept as they are). No prefix: the title as is.
 */
export function withTitlePrefix(prefix: string, title: string): string {
  const head = prefix.trim();
  if (!head) return title;
  if (title.trimStart().toLowerCase().startsWith(head.toLowerCase())) return title;
  return `${prefix}${title.trimStart()}`;
}

/** The owner first, then the form's `assignees` (github.com assigns those too), each login once
 *  (GitHub logins are case-insensitive: the first spelling wins). */
export function issueAssignees(owner: string | undefined, templateAssignees: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of [owner ?? '', ...templateAssignees]) {
    const login = raw.trim().replace(/^@/, '');
    if (login && !seen.has(login.toLowerCase())) {
      seen.add(login.toLowerCase());
      out.push(login);
    }
  }
  return out;
}

export function buildIssueRequest(input: {
  template: IssueTemplate;
  title: string;
  answers: Answers;
  owner?: string;
  due?: ResolvedDue;
  extraLabels?: string[];
}): IssueRequest {
  const owner = input.owner?.trim().replace(/^@/, '');
  const body = renderIssueBody(input.template, input.answers);
  const due = input.due ? dueLine(input.due, owner) : '';
  // GitHub treats label names case-insensitively: the first spelling wins.
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const label of [...input.template.labels, ...(input.extraLabels ?? [])]) {
    const name = label.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      labels.push(name);
    }
  }
  return {
    title: input.title.trim(),
    body: body && due ? `${body}\n\n${due}` : body || due,
    labels,
    assignees: issueAssignees(owner, input.template.assignees),
    ...(input.template.type ? { type: input.template.type } : {}),
  };
}
