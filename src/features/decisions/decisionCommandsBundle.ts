// Entry of dist/decisionCommands.js: the decision-record commands (new, accept / reject / deprecate,
// supersede, renumber, update index, filter) and the DecisionsApi behind them, loaded on the first
// decision command or API call (the start-up bundle has a 400 KB budget: SPEC §5).
export { decisionCommandHandlers, decisionsApi } from './decisionCommands';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
