// Sharing over git in the Today webview (issue 13): under the composer, where your post went
// ("Posted · 10:42 (async-desk)", "Waiting to be posted: offline" with Retry); above the digest,
// "Synced 2 min ago" with a Sync button. Both elements stay in place while the sections around them
// re-render; the host sends a new TodaySharing on every change and once a minute.
import type { TodaySharing, TodayToHostMessage } from '../../src/protocol/today';
import { button, el } from './dom';

export const composerSharingLine = el('div', { className: 'sharing-line', id: 'sharing-line' });
export const digestSyncBar = el('div', { className: 'sync-bar', id: 'sync-bar' });
digestSyncBar.setAttribute('aria-label', 'Sharing');

export function renderSharing(sharing: TodaySharing, trusted: boolean, post: (message: TodayToHostMessage) => void): void {
  const line = sharing.composer;
  if (!line) composerSharingLine.replaceChildren();
  else {
    const text = el('span', { className: `sharing-text ${line.tone}`, textContent: line.text, title: line.title });
    const action =
      line.action && trusted
        ? button(line.action === 'retry' ? 'Retry' : 'Post now', () => post({ type: 'sync' }), { secondary: true, className: 'small', title: line.title })
        : '';
    composerSharingLine.replaceChildren(text, action);
  }
  const digest = sharing.digest;
  if (!digest) digestSyncBar.replaceChildren();
  else {
    const text = el('span', { className: 'sync-text', textContent: digest.text, title: digest.title });
    const sync =
      digest.canSync && trusted
        ? button(digest.syncing ? 'Syncing…' : 'Sync', () => post({ type: 'sync' }), {
            secondary: true,
            className: 'small',
            title: 'Push your waiting posts and fetch the team’s',
          })
        : '';
    if (sync && digest.syncing) sync.setAttribute('disabled', '');
    digestSyncBar.replaceChildren(text, sync);
  }
}
