// What the Today panel says about sharing (issue 13), as pure functions of what the editor knows:
// under the composer, where your post went ("Posted · 10:42 (async-desk)", "Waiting to be posted:
// offline · Retry", "Not shared: no remote"); in the digest header, how fresh the team's posts are
// ("Synced 2 min ago"). Times are formatted by the caller's clock (HH:MM in your zone).

export interface ComposerSharingInput {
  /** Sharing's state for the folder. */
  sharing: { kind: 'loading' } | { kind: 'not-shared'; short: string; message: string } | { kind: 'shared'; branch: string; remote: string };
  /** Where your standup of the day is now: nowhere yet, the working tree, the queue, the branch. */
  source: 'none' | 'worktree' | 'queue' | 'branch';
  /** Your standup waits in the queue: why. */
  waiting?: { reason: string; message: string; conflict: boolean };
  /** When it was posted from this window, as HH:MM. */
  postedAt?: string;
}

export interface SharingLine {
  text: string;
  /** The longer explanation (tooltip). */
  title: string;
  tone: 'ok' | 'waiting' | 'off';
  /** A button after the text. */
  action?: 'retry' | 'post';
}

export function composerSharingLine(input: ComposerSharingInput): SharingLine | undefined {
  const { sharing, source } = input;
  if (sharing.kind === 'loading') return undefined;
  if (sharing.kind === 'not-shared') {
    return { text: `Not shared: ${sharing.short}`, title: sharing.message, tone: 'off' };
  }
  const where = `${sharing.branch} on ${sharing.remote}`;
  if (source === 'queue' && input.waiting) {
    const { waiting } = input;
    if (waiting.conflict) return { text: `Waiting to be posted: ${waiting.reason}`, title: waiting.message, tone: 'waiting', action: 'post' };
    if (waiting.reason === 'not posted yet')
      return { text: 'Waiting to be posted: edited in the file', title: waiting.message, tone: 'waiting', action: 'post' };
    return { text: `Waiting to be posted: ${waiting.reason}`, title: waiting.message, tone: 'waiting', action: 'retry' };
  }
  if (source === 'queue') return { text: 'Waiting to be posted', title: `Goes out to ${where} with the next sync.`, tone: 'waiting', action: 'retry' };
  if (source === 'branch') {
    return {
      text: input.postedAt ? `Posted · ${input.postedAt} (${sharing.branch})` : `Posted (${sharing.branch})`,
      title: `Your standup is on the ${where} branch: the team sees it.`,
      tone: 'ok',
    };
  }
  if (source === 'worktree')
    return {
      text: 'Not posted yet: only in your working tree',
      title: `Saving posts it to ${where}; the file in the working tree stays as it is.`,
      tone: 'waiting',
      action: 'post',
    };
  return { text: `Posts go to ${sharing.branch}`, title: `Saving commits your standup to the ${where} branch and pushes it.`, tone: 'ok' };
}

/** "Synced just now", "Synced 2 min ago", "Synced 3 h ago". */
export function syncedAgo(lastSyncAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - lastSyncAt) / 60_000);
  if (minutes < 1) return 'Synced just now';
  if (minutes < 60) return `Synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `Synced ${hours} h ago`;
  return `Synced ${Math.floor(hours / 24)} days ago`;
}
