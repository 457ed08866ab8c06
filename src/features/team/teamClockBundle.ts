// Entry of dist/teamClock.js: the Team Clock panel's host side, loaded on "Show Team Clock" (the
// start-up bundle has a 400 KB budget: SPEC §5).
export { showTeamClock } from './teamClock';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
