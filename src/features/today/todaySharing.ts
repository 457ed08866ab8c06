// What the Today panel shows about sharing (issue 13): the composer's line (from the composer, which
// knows where your post is) and the digest header's "Synced 2 min ago" with its Sync button.
import { syncedAgo } from '../../core/sharing/statusLines';
import type { SharingLineView, TodaySharing } from '../../protocol/today';
import type { SharingStatus } from '../sharing/api';

export function todaySharing(status: SharingStatus, composer: SharingLineView | undefined, now: number): TodaySharing {
  const out: TodaySharing = composer ? { composer } : {};
  if (status.kind === 'loading') return out;
  if (status.kind === 'not-shared') {
    out.digest = { text: `Not shared: ${status.short}`, title: status.message, syncing: false, canSync: false };
    return out;
  }
  let text = status.lastSyncAt ? syncedAgo(status.lastSyncAt.getTime(), now) : 'Not synced yet';
  let title = `Posts travel on the ${status.branch} branch of ${status.remote}.`;
  if (status.lastFailure) {
    text += ` · last try failed: ${status.lastFailure.reason}`;
    title = status.lastFailure.message;
  }
  if (status.syncing) text = 'Syncing…';
  out.digest = { text, title, syncing: status.syncing, canSync: true };
  return out;
}
