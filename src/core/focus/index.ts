// Public API of the focus-session core (pure TypeScript, no vscode): time arithmetic, the persisted
// session and its decisions, the status bar texts. Used by src/features/focus and the unit tests.
export * from './focusTime';
export * from './session';
export * from './statusView';
