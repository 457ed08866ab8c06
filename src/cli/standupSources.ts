// The standups the CLI reads (issue 13): the sharing branch as last fetched, the posts waiting in the
// clone's queue and the standup files of the working tree, merged by src/core/sharing/sources.ts.
// No network: a fetch is `sync`'s business. Without sharing (sharing.branch "", not a repository, no
// remote, no git) it is the working tree's scan, exactly as before.
import { mergeStandups, StandupReader, type SourcedStandup } from '../core/sharing';
import type { Problem } from '../core/shared/problem';
import { scanStandups } from '../core/standups';
import type { Team } from '../core/team';
import type { Context, Write } from './context';
import { openCliSharing } from './sharing';

export interface CliStandups {
  entries: SourcedStandup[];
  reader: StandupReader;
  /** The working tree scan's problems (the branch's are `sync`'s to report). */
  problems: Problem[];
}

export async function standupSources(ctx: Context, team: Team | undefined, err: Write): Promise<CliStandups> {
  const [scan, opened] = await Promise.all([scanStandups(ctx.root, ctx.standupsDir), openCliSharing(ctx, team, err)]);
  if (opened.kind === 'not-shared') {
    return { entries: scan.entries.map((e) => ({ ...e, source: 'worktree' as const })), reader: new StandupReader(ctx.files, []), problems: scan.problems };
  }
  const { sharing } = opened;
  const [listing, queued] = await Promise.all([sharing.listing(), sharing.queued()]);
  return {
    entries: mergeStandups(listing.standups, queued, scan.entries, sharing.folders.standupsDir),
    reader: new StandupReader(ctx.files, queued, { runner: sharing.git, cwd: ctx.root }),
    problems: scan.problems,
  };
}
