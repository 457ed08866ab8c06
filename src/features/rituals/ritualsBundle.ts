// Entry of dist/rituals.js: the ritual commands and their templates, loaded on the first ritual
// command (they are rarely used, and the start-up bundle has a 400 KB budget: SPEC §5).
export { ritualCommandHandlers } from './ritualCommands';
export { openPrompt, type OpenPromptView } from './prompt';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
