// Every command the extension contributes (package.json `contributes.commands`). The entry point
// registers these at activation without loading the features; the features bundle must provide a
// handler for each (checked by the compiler: see CommandHandlers), and an integration test checks
// this list against package.json.
import type * as vscode from 'vscode';
import type { DecisionNode } from './decisions/decisionsTree';
import type { NewRecordArgs } from './decisions/decisionCommands';
import type { TeamNode } from './team/teamTree';
import type { NewTeammateArgs } from './team/teamCommands';
import type { BlockerIssueArgs } from './standups';
import type { RitualArgs } from './rituals';
import type { OpenIssueArgs, RecordNode } from './issues/api';
import type { StartArgs } from './focus/api';

export const COMMAND_IDS = [
  'asyncDesk.decisions.new',
  'asyncDesk.decisions.accept',
  'asyncDesk.decisions.reject',
  'asyncDesk.decisions.deprecate',
  'asyncDesk.decisions.supersede',
  'asyncDesk.decisions.renumber',
  'asyncDesk.decisions.updateIndex',
  'asyncDesk.decisions.filter',
  'asyncDesk.decisions.clearFilter',
  'asyncDesk.decisions.refresh',
  'asyncDesk.team.addTeammate',
  'asyncDesk.team.copyBestTime',
  'asyncDesk.team.openInTeamFile',
  'asyncDesk.team.refresh',
  'asyncDesk.team.showClock',
  'asyncDesk.team.enableGitHubStatus',
  'asyncDesk.team.openIssueFor',
  'asyncDesk.standups.write',
  'asyncDesk.standups.openToday',
  'asyncDesk.standups.summaryForWeek',
  'asyncDesk.standups.filterByPerson',
  'asyncDesk.standups.clearFilter',
  'asyncDesk.standups.refresh',
  'asyncDesk.standups.openBlockerIssue',
  'asyncDesk.sharing.sync',
  'asyncDesk.sharing.moveStandups',
  'asyncDesk.rituals.newWeeklyUpdate',
  'asyncDesk.rituals.newIntentBrief',
  'asyncDesk.rituals.newWorkingAgreement',
  'asyncDesk.rituals.newRetrospective',
  'asyncDesk.issues.openFromTemplate',
  'asyncDesk.issues.showOutbox',
  'asyncDesk.focus.start',
  'asyncDesk.focus.end',
  'asyncDesk.github.signInWithToken',
  'asyncDesk.github.signOut',
  'asyncDesk.showLog',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** A decision command's target: a Decisions view node, a record's file, or nothing (the active editor's record, else a pick). */
type DecisionTarget = DecisionNode | vscode.Uri | undefined;
/** A team command's target: a Team view node, a login, or nothing (a pick). */
type TeamTarget = TeamNode | string | undefined;

/**
 * The arguments of each command, as menus, other extensions and tests pass them (the palette passes
 * none). Handlers must accept exactly these: see CommandHandlers.
 */
export interface CommandArgs {
  'asyncDesk.decisions.new': [args?: NewRecordArgs];
  'asyncDesk.decisions.accept': [target?: DecisionTarget];
  'asyncDesk.decisions.reject': [target?: DecisionTarget];
  'asyncDesk.decisions.deprecate': [target?: DecisionTarget];
  'asyncDesk.decisions.supersede': [target?: DecisionTarget, args?: NewRecordArgs];
  'asyncDesk.decisions.renumber': [args?: { confirm?: boolean }];
  'asyncDesk.decisions.updateIndex': [];
  'asyncDesk.decisions.filter': [];
  'asyncDesk.decisions.clearFilter': [];
  'asyncDesk.decisions.refresh': [];
  'asyncDesk.team.addTeammate': [args?: NewTeammateArgs];
  'asyncDesk.team.copyBestTime': [target?: TeamTarget];
  'asyncDesk.team.openInTeamFile': [target?: TeamTarget];
  'asyncDesk.team.refresh': [];
  'asyncDesk.team.showClock': [date?: string];
  'asyncDesk.team.enableGitHubStatus': [];
  'asyncDesk.team.openIssueFor': [target?: TeamTarget, options?: { template?: string }];
  'asyncDesk.standups.write': [];
  'asyncDesk.standups.openToday': [];
  'asyncDesk.standups.summaryForWeek': [args?: { date?: string }];
  'asyncDesk.standups.filterByPerson': [login?: string];
  'asyncDesk.standups.clearFilter': [];
  'asyncDesk.standups.refresh': [];
  'asyncDesk.standups.openBlockerIssue': [args?: BlockerIssueArgs];
  'asyncDesk.sharing.sync': [];
  'asyncDesk.sharing.moveStandups': [folder?: unknown];
  'asyncDesk.rituals.newWeeklyUpdate': [args?: RitualArgs];
  'asyncDesk.rituals.newIntentBrief': [args?: RitualArgs];
  'asyncDesk.rituals.newWorkingAgreement': [args?: RitualArgs];
  'asyncDesk.rituals.newRetrospective': [args?: RitualArgs];
  'asyncDesk.issues.openFromTemplate': [args?: OpenIssueArgs | RecordNode];
  'asyncDesk.issues.showOutbox': [];
  'asyncDesk.focus.start': [args?: StartArgs];
  'asyncDesk.focus.end': [];
  'asyncDesk.github.signInWithToken': [];
  'asyncDesk.github.signOut': [];
  'asyncDesk.showLog': [];
}

/** One handler per command, taking that command's arguments (a missing or mistyped handler does not compile). */
export type CommandHandlers = { [K in CommandId]: (...args: CommandArgs[K]) => unknown };

/** The handlers of the commands whose ids start with a prefix, e.g. HandlersOf<'asyncDesk.team.'>. */
export type HandlersOf<Prefix extends string> = Pick<CommandHandlers, Extract<CommandId, `${Prefix}${string}`>>;
