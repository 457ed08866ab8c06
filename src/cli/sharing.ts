// The CLI's way into sharing over git (src/core/sharing): the team file says which branch
// (`sharing.branch`, default async-desk, "" = off), --standups-dir says where standups are (weekly
// updates under docs/updates), git is the one on PATH with the user's own credentials (helpers, SSH
// agent; a token can come through GIT_CONFIG_* in the environment, which git reads and we pass on).
// ASYNC_DESK_GIT_LOG=1 prints each git command to stderr, secrets redacted.
import { openSharing, sharedFolders, type OpenResult } from '../core/sharing';
import { DEFAULT_SHARING_BRANCH, type Team } from '../core/team';
import type { Context, Write } from './context';
import { terminalSafe } from './terminalText';

/** The branch a team shares on ('' = sharing off). */
export function sharingBranch(team: Team | undefined): string {
  return team?.sharing?.branch ?? DEFAULT_SHARING_BRANCH;
}

export function openCliSharing(ctx: Context, team: Team | undefined, err: Write): Promise<OpenResult> {
  const log = process.env.ASYNC_DESK_GIT_LOG === '1' ? (line: string) => err(`async-desk: ${terminalSafe(line)}\n`) : undefined;
  return openSharing({
    root: ctx.root,
    branch: sharingBranch(team),
    folders: sharedFolders(ctx.standupsDir),
    git: log ? { log } : {},
  });
}
