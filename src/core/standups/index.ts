// Public API of the standups core (pure TypeScript, no vscode): used by the extension, the CLI and the tests.
export * from './types';
export { standupFile, parseStandupPath } from './paths';
export { parseStandup } from './parse';
export { checkStandup } from './check';
export { draftFromStandup, renderStandup, updateStandupText } from './render';
export { standupDate, previousWorkingDay, prefillDraft, blockerAges, normalizeBlocker, teamDigestDay } from './carry';
export { buildDigest } from './digest';
export { weeklySummary } from './summary';
export { scanStandups } from './scan';
export { StandupDays, standupHistory } from './days';
