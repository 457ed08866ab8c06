// Every command the extension contributes (package.json `contributes.commands`). The entry point
// registers these at activation without loading the features; the features bundle must provide a
// handler for each (checked by the compiler: see CommandHandlers), and an integration test checks
// this list against package.json.
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
export type CommandHandlers = Record<CommandId, (...args: any[]) => unknown>;
