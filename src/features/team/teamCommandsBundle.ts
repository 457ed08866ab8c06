// Entry of dist/teamCommands.js: the team commands (add a teammate, copy "best time to reach", open a
// member's entry or an issue for them, refresh, the Team Clock), loaded on the first team command (the
// start-up bundle has a 400 KB budget: SPEC §5). The Team Clock panel itself is dist/teamClock.js.
export { teamCommandHandlers } from './teamCommands';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
