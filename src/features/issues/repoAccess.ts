// The GitHub repository of a workspace folder, and what the issue form asks GitHub about it: your push
// access (without it GitHub silently drops labels, assignees and milestone) and its assignable users.
// Each repository has one memo, shared by all forms: every open form would otherwise ask GitHub again.
import type * as vscode from 'vscode';
import { assignableUsers, checkPushAccess, type PushAccess } from '../../core/issues/submit';
import type { GitHubAccess } from '../github/githubAccess';
import { workspaceRepository } from '../github/repository';
import { log } from '../shared/log';

export type { PushAccess };
export interface RepoUser {
  login: string;
  name?: string;
}

/** 'owner/repo' of the folder's GitHub remote, or null while it has none. */
export async function repositoryOf(folder: vscode.WorkspaceFolder): Promise<string | null> {
  const repo = await workspaceRepository(folder).catch(() => undefined);
  return repo ? `${repo.owner}/${repo.repo}` : null;
}

/**
 * One lookup, run once and shared. A failed one is logged and forgotten, so that the next use asks
 * again; one that found nothing (not signed in) is kept until a fresh lookup is asked for.
 */
class Memo<T> {
  private pending: Promise<T> | undefined;
  /** What the last lookup found, kept when a later one finds nothing or fails. */
  last: T | undefined;

  constructor(
    private readonly what: string,
    private readonly fallback: T,
  ) {}

  get(lookup: () => Promise<T>, fresh = false): Promise<T> {
    if (!this.pending || fresh) {
      this.pending = lookup().then(
        (value) => {
          if (value !== undefined) this.last = value;
          return value;
        },
        (error: unknown) => {
          log().warn(`${this.what}: ${(error as Error).message}`);
          this.pending = undefined;
          return this.fallback;
        },
      );
    }
    return this.pending;
  }
}

interface RepoMemo {
  push: Memo<PushAccess | undefined>;
  users: Memo<RepoUser[]>;
}

export class RepoAccess {
  private readonly memos = new Map<string, RepoMemo>();

  constructor(private readonly github: GitHubAccess) {}

  /**
   * Your push access to 'owner/repo'; undefined when not signed in or the check failed. `interactive`
   * (before submitting) checks again and may ask you to sign in; otherwise it stays quiet.
   */
  pushAccess(repo: string, interactive = false): Promise<PushAccess | undefined> {
    const lookup = async () => {
      const client = await this.github.client(['repo'], { createIfNone: interactive });
      return client ? checkPushAccess(client, refOf(repo)) : undefined;
    };
    return this.memoOf(repo).push.get(lookup, interactive);
  }

  /** The push access last found for 'owner/repo', without asking GitHub (deriving the form is synchronous). */
  knownPushAccess(repo: string): PushAccess | undefined {
    return this.memos.get(repo)?.push.last;
  }

  /** Users an issue in 'owner/repo' can be assigned to; none when not signed in. */
  assignableUsers(repo: string): Promise<RepoUser[]> {
    const lookup = async () => {
      const client = await this.github.client(['repo'], { createIfNone: false });
      return client ? assignableUsers(client, refOf(repo)) : [];
    };
    return this.memoOf(repo).users.get(lookup);
  }

  private memoOf(repo: string): RepoMemo {
    let memo = this.memos.get(repo);
    if (!memo) {
      memo = { push: new Memo(`Checking push access to ${repo}`, undefined), users: new Memo(`Listing assignable users of ${repo}`, []) };
      this.memos.set(repo, memo);
    }
    return memo;
  }
}

function refOf(repo: string): { owner: string; repo: string } {
  const [owner, name] = repo.split('/') as [string, string];
  return { owner, repo: name };
}
