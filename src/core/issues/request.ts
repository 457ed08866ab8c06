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

export function buildIssueRequest(input: { template: IssueTemplate; title: string; answers: Answers; owner?: string; due?: ResolvedDue; extraLabels?: string[] }): IssueRequest {
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
    assignees: owner ? [owner] : [...input.template.assignees],
    ...(input.template.type ? { type: input.template.type } : {}),
  };
}
