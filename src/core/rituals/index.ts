// Public API of the rituals core (pure TypeScript, no vscode): weekly updates, intent briefs, the
// working agreement and retrospectives.
export { RITUAL_KINDS, RITUAL_NAMES, RITUAL_SECTIONS, type RitualKind, type RitualSection } from './kinds';
export { builtInTemplate } from './templates';
export { PLACEHOLDERS, fillPlaceholders, yamlValue, type PlaceholderName, type PlaceholderValues, type FilledTemplate } from './placeholders';
export { isoWeek, ritualFile, workspacePath, type RitualFile, type RitualFileInput } from './naming';
export { coreHoursText, responseTimesText, responseTimeText, windowText, type CoreHoursInput } from './coreHours';
export { planRitual, ritualTitle, firstFillPosition, type RitualInput, type RitualPlan } from './create';
