// Public API of the team-time core (pure TypeScript, no vscode): used by the extension, the CLI and the tests.
export * from './types';
export { parseTeamFile } from './parse';
export { isTeamLogin, parseSpan, parseFocus, parseDuration, parseDueRule, branchNameError, DEFAULT_HOURS, DEFAULT_DAYS } from './values';
export { memberState, computeStates, zoneOffsetMinutes } from './states';
export { overlapWindows, teamOverlap, hoursInZone, bestTimeToReach, dayTimeline } from './overlap';
export { formatClock, formatDuration, formatOffsetDifference } from './format';
export { isValidZone, spanText, clockText } from './zone';
export { readTeamMembers, type TeamMemberSummary } from './teamMembers';
