// Entry of dist/issues.js: issue templates, the issue form and the outbox, loaded on the first issue
// command or when a form is restored after a reload (the start-up bundle has a 400 KB budget: SPEC §5).
export { IssueService } from './issueService';
export type { IssueFormPanel } from './issueFormPanel';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
export { templateProblems } from './templateProblems';
