// Wires the ritual commands (weekly update, intent brief, working agreement, retrospective).
import * as vscode from 'vscode';
import type { TeamStore } from '../team/teamStore';
import { ritualCommandHandlers as handlers, type RitualCommandId } from './ritualCommands';
import { answerPromptForTests } from './prompt';

export type { RitualArgs, RitualResult, RitualCommandId } from './ritualCommands';

export function ritualCommandHandlers(context: vscode.ExtensionContext, team: TeamStore): Record<RitualCommandId, (...args: any[]) => unknown> {
  // Tests answer the title prompt through this; not contributed, so not in the palette.
  context.subscriptions.push(vscode.commands.registerCommand('asyncDesk.rituals.answerPromptForTests', answerPromptForTests));
  return handlers(team);
}
