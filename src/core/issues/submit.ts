// Sending an issue to GitHub so that a retry never creates it twice: the body carries a hidden marker
// naming its draft, and every submit first looks for an issue with that marker (search, then the
// user's own recent issues, which unlike search are current at once). Then the milestone and the
// Projects (v2) date. Nothing here throws the issue away: once it exists, later failures are warnings.
import type { GitHubClient } from '../github/githubClient';
import { GitHubError, toGitHubError } from '../github/errors';
import { resolveMilestone } from './submitMilestone';
import { addToProject } from './submitProject';
import type { IssueData, IssueRequest, MilestoneOutcome, PushAccess, RepoRef, SubmitOptions, SubmitResult } from './submitTypes';

export type {
  IssueRequest,
  RepoRef,
  MilestoneTarget,
  MilestoneOutcome,
  ProjectTarget,
  SubmitOptions,
  SubmitResult,
  PushAccess,
  IssueData,
} from './submitTypes';
export { isIsoDate, TRANSIENT_KINDS } from './submitTypes';
export { describeSubmitError, type SubmitErrorDescription, type SubmitFieldError } from './submitError';
export { milestoneTitle, milestoneDueOn } from './submitMilestone';

const DRAFT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** Issues looked at when searching a user's recent issues for a marker (pages of 100). */
const RECENT_PAGES = 3;
/** Clock skew allowed between this machine and GitHub when listing issues `since` a time. */
const SKEW_MS = 10 * 60_000;

/** A draft id the marker can carry (and search can find as one phrase). */
export function isValidDraftId(draftId: string): boolean {
  return DRAFT_ID.test(draftId);
}

/** '<!-- async-desk:draft=<draftId> -->': invisible on github.com, found by search. */
export function draftMarker(draftId: string): string {
  if (!isValidDraftId(draftId)) throw new RangeError(`Not a valid draft id for the issue marker: ${JSON.stringify(draftId)}`);
  return `<!-- async-desk:draft=${draftId} -->`;
}

/**
 * The body with the hidden idempotency marker at its end: `body + '\n\n<!-- async-desk:draft=<id> -->'`
 * (the marker alone for an empty body; unchanged when the body already ends with it).
 */
export function withMarker(body: string, draftId: string): string {
  const marker = draftMarker(draftId);
  if (body.endsWith(marker)) return body;
  return body === '' ? marker : `${body}\n\n${marker}`;
}

/** Whether a body carries this draft's marker (the closing ' -->' keeps 'draft=a1' from matching 'draft=a12'). */
export function hasMarker(body: string | null | undefined, draftId: string): boolean {
  return !!body && body.includes(draftMarker(draftId));
}

const fullName = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

function checkRepo(repo: RepoRef): void {
  if (!OWNER.test(repo.owner) || !REPO.test(repo.repo) || repo.repo === '.' || repo.repo === '..') {
    throw new GitHubError('not-found', `"${fullName(repo)}" is not a GitHub repository name (OWNER/NAME). Check the repository setting or the git remote.`);
  }
}

/** A 404 about the repository, said about the repository rather than "nothing there". */
function repoError(error: unknown, repo: RepoRef): GitHubError {
  const e = toGitHubError(error);
  if (e.kind !== 'not-found' || e.status !== 404) return e;
  return new GitHubError(
    'not-found',
    `GitHub has no repository ${fullName(repo)}, or your account cannot see it (GitHub answers 404 for private repositories you cannot access). ` +
      'Check the name and that you are signed in with the right account.',
    { status: 404, cause: e },
  );
}

async function request<T>(client: GitHubClient, repo: RepoRef, route: string, params: Record<string, unknown> = {}): Promise<T> {
  try {
    return (await client.request<T>(route, { owner: repo.owner, repo: repo.repo, ...params })).data;
  } catch (error) {
    throw repoError(error, repo);
  }
}

/**
 * Before submitting: can the signed-in user push to the repo (GET /repos/{owner}/{repo}
 * `permissions.push`), and who are they (GET /user)? Throws a GitHubError: not-found when the repo
 * does not exist or cannot be seen, auth, offline, …
 */
export async function checkPushAccess(client: GitHubClient, repo: RepoRef): Promise<PushAccess> {
  checkRepo(repo);
  const [data, user] = await Promise.all([
    request<{ permissions?: { push?: boolean }; has_issues?: boolean }>(client, repo, 'GET /repos/{owner}/{repo}'),
    client.request<{ login: string }>('GET /user'),
  ]);
  return { push: data.permissions?.push === true, login: user.data.login, hasIssues: data.has_issues !== false };
}

/** At most this many assignable users are listed (three pages). */
export const MAX_ASSIGNABLE_USERS = 300;

/** Users who can be assigned issues in the repo (GET …/assignees, paginated, at most 300). */
export async function assignableUsers(client: GitHubClient, repo: RepoRef): Promise<{ login: string; name?: string }[]> {
  checkRepo(repo);
  const users: { login: string; name?: string }[] = [];
  for (let page = 1; users.length < MAX_ASSIGNABLE_USERS; page++) {
    const data = await request<{ login: string; name?: string | null }[]>(client, repo, 'GET /repos/{owner}/{repo}/assignees', { per_page: 100, page });
    for (const u of data) users.push(u.name ? { login: u.login, name: u.name } : { login: u.login });
    if (data.length < 100) break;
  }
  return users.slice(0, MAX_ASSIGNABLE_USERS);
}

/**
 * The issue an earlier attempt created for this draft, if any. Search finds it however old, but is
 * eventually consistent (an issue created seconds ago may be missing), and has its own small rate
 * limit; the user's recent issues in the repo are current, so they decide when search cannot.
 */
async function findSubmitted(client: GitHubClient, repo: RepoRef, draftId: string, login: string, since: string | undefined): Promise<IssueData | undefined> {
  try {
    const q = `repo:${fullName(repo)} is:issue in:body "async-desk:draft=${draftId}"`;
    const { data } = await client.request<{ items: IssueData[] }>('GET /search/issues', { q, per_page: 20 });
    const found = data.items.find((i) => hasMarker(i.body, draftId));
    if (found) return found;
  } catch (error) {
    const e = toGitHubError(error);
    // Without a connection or a valid sign-in the list below fails too; anything else: rely on it.
    if (e.kind === 'offline' || e.kind === 'auth') throw e;
  }
  const sinceParam = since && !Number.isNaN(Date.parse(since)) ? { since: new Date(Date.parse(since) - SKEW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {};
  for (let page = 1; page <= RECENT_PAGES; page++) {
    const list = await request<IssueData[]>(client, repo, 'GET /repos/{owner}/{repo}/issues', {
      creator: login,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 100,
      page,
      ...sinceParam,
    });
    const found = list.find((i) => !i.pull_request && hasMarker(i.body, draftId));
    if (found) return found;
    if (list.length < 100) break;
  }
  return undefined;
}

/** Title and body as sent (GitHub may store the body with CRLF line ends). */
const sameContent = (issue: IssueData, title: string, body: string) =>
  issue.title === title && (issue.body ?? '').replace(/\r\n/g, '\n') === body.replace(/\r\n/g, '\n');

const labelName = (l: string | { name?: string }) => (typeof l === 'string' ? l : (l.name ?? '')).toLowerCase();

/** What GitHub did not set of what was asked: it drops these silently for users who cannot push. */
function droppedFields(issue: IssueData, request: IssueRequest, milestoneWanted: boolean): string[] {
  const labels = new Set(issue.labels.map(labelName));
  const assignees = new Set((issue.assignees ?? []).map((a) => a.login.toLowerCase()));
  const dropped: string[] = [];
  const missingLabels = request.labels.filter((l) => !labels.has(l.toLowerCase()));
  const missingAssignees = request.assignees.filter((a) => !assignees.has(a.toLowerCase()));
  if (missingLabels.length) dropped.push(`label${missingLabels.length > 1 ? 's' : ''} ${missingLabels.join(', ')}`);
  if (missingAssignees.length) dropped.push(`assignee${missingAssignees.length > 1 ? 's' : ''} ${missingAssignees.map((a) => `@${a}`).join(', ')}`);
  if (milestoneWanted && !issue.milestone) dropped.push('milestone');
  if (request.type && !issue.type) dropped.push(`type ${request.type}`);
  return dropped;
}

/**
 * Submits an issue: reuses the one an earlier attempt created (found by its marker), else creates it
 * (POST /repos/{owner}/{repo}/issues, with the milestone when one is wanted); then adds it to the
 * project and sets the date. Throws a GitHubError when the issue could not be created or looked up
 * (nothing was created then, or a retry finds it); once the issue exists, problems are `warnings`.
 */
export async function submitIssue(client: GitHubClient, options: SubmitOptions): Promise<SubmitResult> {
  const { repo, request: req, draftId } = options;
  checkRepo(repo);
  const body = withMarker(req.body, draftId);
  const warnings: string[] = [];
  const login = options.login ?? (await client.request<{ login: string }>('GET /user')).data.login;

  let issue = await findSubmitted(client, repo, draftId, login, options.since);
  const reused = issue !== undefined;
  let milestone: MilestoneOutcome | undefined;
  if (!issue) {
    milestone = options.milestone ? await resolveMilestone(client, repo, options.milestone, warnings) : undefined;
    issue = await request<IssueData>(client, repo, 'POST /repos/{owner}/{repo}/issues', {
      title: req.title,
      body,
      labels: req.labels,
      assignees: req.assignees,
      ...(req.type ? { type: req.type } : {}),
      ...(milestone ? { milestone: milestone.number } : {}),
    });
  } else if (issue.milestone) {
    milestone = { number: issue.milestone.number, title: issue.milestone.title, created: false };
  }

  // A milestone that could not be resolved already has its warning.
  const dropped = droppedFields(issue, req, options.milestone !== undefined && (reused || milestone !== undefined));
  if (reused && !sameContent(issue, req.title, body)) {
    warnings.push(`#${issue.number} was created by an earlier attempt, before the draft was last edited: make those changes on GitHub.`);
  } else if (dropped.length) {
    warnings.push(
      `GitHub did not set the ${dropped.join(', ')} on #${issue.number}: it drops them silently when your account cannot push to ${fullName(repo)}. ` +
        'Ask a maintainer to set them.',
    );
  }

  const result: SubmitResult = { number: issue.number, url: issue.html_url, reused, warnings, nodeId: issue.node_id };
  if (milestone) result.milestone = milestone;
  if (options.project) {
    const project = await addToProject(client, issue.node_id, options.project);
    warnings.push(...project.warnings);
    if (project.itemId) result.projectItemId = project.itemId;
    if (project.neededScopes?.length) result.neededScopes = project.neededScopes;
  }
  return result;
}
