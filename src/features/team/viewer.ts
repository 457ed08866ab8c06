// Who "you" are for team time: your team-file entry (asyncDesk.me) gives your zone; otherwise the
// zone of the machine running the extension host.
import type { Member } from '../../core/team';
import { getSettings } from '../shared/settings';
import type { TeamStore } from './teamStore';

export interface Viewer {
  zone: string;
  member?: Member;
}

export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function currentViewer(store: TeamStore): Viewer {
  const me = getSettings().me;
  const ref = me ? store.find(me) : undefined;
  return ref ? { zone: ref.member.timezone, member: ref.member } : { zone: systemZone() };
}
