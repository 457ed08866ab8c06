// Wires the ritual commands (weekly update, intent brief, working agreement, retrospective). Their
// code is in dist/rituals.js, required on the first ritual command.
import type * as RitualsBundle from './ritualsBundle';
import type { CommandId, HandlersOf } from '../commandIds';
import { lazyHandlers, loadBundle } from '../shared/lazyBundle';
import type { TeamStore } from '../team/teamStore';
import type { SharingApi } from '../sharing/api';

export type RitualCommandId = Extract<CommandId, `asyncDesk.rituals.${string}`>;
export type { RitualArgs, RitualResult } from './ritualCommands';

let bundle: typeof RitualsBundle | undefined;
const rituals = (): typeof RitualsBundle => (bundle ??= loadBundle<typeof RitualsBundle>('rituals.js'));

/** The ritual title prompt that is open now (for the test hooks). */
export function openRitualPrompt(): RitualsBundle.OpenPromptView | undefined {
  return rituals().openPrompt();
}

export function ritualCommandHandlers(team: TeamStore, sharing?: SharingApi): HandlersOf<'asyncDesk.rituals.'> {
  return lazyHandlers('asyncDesk.rituals.', () => rituals().ritualCommandHandlers(team, sharing));
}
