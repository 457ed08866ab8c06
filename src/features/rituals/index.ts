// Wires the ritual commands (weekly update, intent brief, working agreement, retrospective). Their
// code is in dist/rituals.js, required on the first ritual command.
import * as path from 'node:path';
import type * as RitualsBundle from './ritualsBundle';
import { COMMAND_IDS, type CommandId, type HandlersOf } from '../commandIds';
import { log } from '../shared/log';
import { clockState } from '../shared/clock';
import type { TeamStore } from '../team/teamStore';

export type RitualCommandId = Extract<CommandId, `asyncDesk.rituals.${string}`>;
import type { RitualArgs } from './ritualCommands';
export type { RitualArgs, RitualResult } from './ritualCommands';

let bundle: typeof RitualsBundle | undefined;
function rituals(): typeof RitualsBundle {
  if (!bundle) {
    // A computed path keeps esbuild from inlining dist/rituals.js into the features bundle; a
    // synchronous require, because rituals() is synchronous.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    bundle = require(path.join(__dirname, 'rituals.js')) as typeof RitualsBundle;
    // The bundle has its own copies of the log and clock modules: share the one channel and clock.
    bundle.initLog(log());
    bundle.adoptClock(clockState());
  }
  return bundle;
}

/** The ritual title prompt that is open now (for the test hooks). */
export function openRitualPrompt(): RitualsBundle.OpenPromptView | undefined {
  return rituals().openPrompt();
}

export function ritualCommandHandlers(team: TeamStore): HandlersOf<'asyncDesk.rituals.'> {
  let handlers: ReturnType<typeof RitualsBundle.ritualCommandHandlers> | undefined;
  const ids = COMMAND_IDS.filter((id): id is RitualCommandId => id.startsWith('asyncDesk.rituals.'));
  return Object.fromEntries(
    ids.map((id) => [id, (args?: RitualArgs) => (handlers ??= rituals().ritualCommandHandlers(team))[id](args)]),
  ) as HandlersOf<'asyncDesk.rituals.'>;
}
