// The milestone for an issue's due date: an open milestone with the wanted title or due on that date,
// else a new one. GitHub keeps only the date of `due_on` and answers it as midnight Pacific time
// (e.g. '2026-11-26T08:00:00Z'), so it is sent as noon UTC, which is that date everywhere from
// UTC-12 to UTC+11, and compared by its UTC date.
import type { GitHubClient } from '../github/githubClient';
import { toGitHubError } from '../github/errors';
import { isIsoDate, TRANSIENT_KINDS, type MilestoneOutcome, type MilestoneTarget, type RepoRef } from './submitTypes';

interface MilestoneData {
  number: number;
  title: string;
  state: 'open' | 'closed';
  due_on: string | null;
}

/** Milestones looked at (pages of 100). */
const MILESTONE_PAGES = 5;

/** The default title of a due-date milestone: 'Due 2026-11-26'. */
export const milestoneTitle = (target: MilestoneTarget) => target.title?.trim() || `Due ${target.dueDate}`;

/** `due_on` as sent for a due date: noon UTC that day. */
export const milestoneDueOn = (dueDate: string) => `${dueDate}T12:00:00Z`;

async function listMilestones(client: GitHubClient, repo: RepoRef): Promise<MilestoneData[]> {
  const all: MilestoneData[] = [];
  for (let page = 1; page <= MILESTONE_PAGES; page++) {
    const { data } = await client.request<MilestoneData[]>('GET /repos/{owner}/{repo}/milestones', {
      owner: repo.owner,
      repo: repo.repo,
      state: 'all',
      per_page: 100,
      page,
    });
    all.push(...data);
    if (data.length < 100) break;
  }
  return all;
}

function pick(milestones: MilestoneData[], title: string, dueDate: string): MilestoneData | undefined {
  const open = milestones.filter((m) => m.state === 'open');
  const sameTitle = (m: MilestoneData) => m.title.trim().toLowerCase() === title.toLowerCase();
  return open.find(sameTitle) ?? open.find((m) => m.due_on?.slice(0, 10) === dueDate);
}

/**
 * The milestone number to create the issue with, or undefined with a warning in `warnings` when it
 * cannot be had (no push access, a closed milestone of that title, …). Throws a GitHubError only for
 * failures that would stop the issue too (offline, sign-in, rate limit, …): nothing exists yet then.
 */
export async function resolveMilestone(
  client: GitHubClient,
  repo: RepoRef,
  target: MilestoneTarget,
  warnings: string[],
): Promise<MilestoneOutcome | undefined> {
  const title = milestoneTitle(target);
  if (!isIsoDate(target.dueDate)) {
    warnings.push(`The milestone was not set: "${target.dueDate}" is not a date (YYYY-MM-DD).`);
    return undefined;
  }
  try {
    let milestones = await listMilestones(client, repo);
    let found = pick(milestones, title, target.dueDate);
    if (found) return { number: found.number, title: found.title, created: false };
    const closed = milestones.find((m) => m.title.trim().toLowerCase() === title.toLowerCase());
    if (closed) {
      warnings.push(`The milestone "${closed.title}" is closed, so the issue has no milestone. Reopen the milestone on GitHub and set it on the issue.`);
      return undefined;
    }
    try {
      const { data } = await client.request<MilestoneData>('POST /repos/{owner}/{repo}/milestones', {
        owner: repo.owner,
        repo: repo.repo,
        title,
        due_on: milestoneDueOn(target.dueDate),
      });
      return { number: data.number, title: data.title, created: true };
    } catch (error) {
      // Someone created it in the meantime: use theirs.
      if (!toGitHubError(error).fieldErrors?.some((f) => f.code === 'already_exists')) throw error;
      milestones = await listMilestones(client, repo);
      found = pick(milestones, title, target.dueDate);
      if (found) return { number: found.number, title: found.title, created: false };
      throw error;
    }
  } catch (error) {
    const e = toGitHubError(error);
    if (TRANSIENT_KINDS.has(e.kind)) throw e;
    // Creating a milestone needs push access; without it GitHub answers 404.
    const why = e.kind === 'not-found' ? `your account cannot create milestones in ${repo.owner}/${repo.repo} (that needs push access)` : e.message;
    warnings.push(`The milestone "${title}" was not set: ${why}`);
    return undefined;
  }
}
