// Styles of the Today webview (added to the shared ones in webviewHtml). Theme colours only, so the
// panel follows light, dark and high-contrast themes.
export const TODAY_CSS = `
  section + section { margin-top: 18px; border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); }
  .meta { margin: 0 0 8px; color: var(--vscode-descriptionForeground); overflow-wrap: anywhere; }
  .field { display: flex; flex-direction: column; gap: 2px; margin: 8px 0; }
  .field vscode-textarea { width: 100%; }
  ul.blocker-rows { list-style: none; padding: 0; margin: 2px 0 4px; }
  .blocker-row { display: flex; align-items: flex-start; gap: 6px; padding: 2px 0; }
  .blocker-text { overflow-wrap: anywhere; }
  .blocker-text.resolved { text-decoration: line-through; color: var(--vscode-descriptionForeground); }
  .banner { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 8px; margin: 6px 0;
    background: var(--vscode-inputValidation-warningBackground, transparent);
    border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-focusBorder)); }
  .banner[hidden] { display: none; }
  .composer-actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
  .digest-totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0; color: var(--vscode-descriptionForeground); }
  .digest-note { margin: 4px 0; color: var(--vscode-descriptionForeground); font-style: italic; }
  .status { margin-top: 6px; color: var(--vscode-descriptionForeground); font-size: 90%; }
  .sharing-line { margin-top: 4px; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; font-size: 90%; }
  .sharing-line:empty, .sync-bar:empty { display: none; }
  .sharing-text.ok { color: var(--vscode-testing-iconPassed, var(--vscode-descriptionForeground)); }
  .sharing-text.waiting { color: var(--vscode-editorWarning-foreground); }
  .sharing-text.off { color: var(--vscode-descriptionForeground); }
  .sync-bar { display: flex; gap: 6px; align-items: center; justify-content: space-between; margin: 14px 0 -6px; font-size: 90%; }
  .sync-bar { color: var(--vscode-descriptionForeground); }
  vscode-button.small { font-size: 90%; }
  ul.problems { margin: 4px 0; padding-left: 18px; color: var(--vscode-errorForeground); }
  .day-nav { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  ul.entries { list-style: none; padding: 0; margin: 6px 0 0; }
  li.entry { padding: 6px 0; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
  li.entry.mentions-me { border-left: 2px solid var(--vscode-focusBorder); padding-left: 6px; }
  .entry-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
  .handle, .detail { color: var(--vscode-descriptionForeground); font-size: 90%; }
  .entry-body .label { margin-top: 4px; font-size: 90%; font-weight: 600; }
  ul.bullets { margin: 2px 0; padding-left: 18px; }
  ul.bullets li { overflow-wrap: anywhere; }
  .blockers li.stale > span:first-child { color: var(--vscode-problemsWarningIcon-foreground, var(--vscode-foreground)); font-weight: 600; }
  .blockers li.mentions-me > span:first-child { text-decoration: underline dotted; }
  .notes { margin: 2px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .pill { font-size: 85%; padding: 0 6px; border-radius: 8px; border: 1px solid var(--vscode-contrastBorder, transparent);
    background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
  .pill.posted { background: var(--vscode-testing-iconPassed, var(--vscode-badge-background)); color: var(--vscode-editor-background); }
  .pill.missing { background: var(--vscode-problemsWarningIcon-foreground, var(--vscode-badge-background)); color: var(--vscode-editor-background); }
  .pill.away, .pill.not-started { background: transparent; color: var(--vscode-descriptionForeground); border-color: var(--vscode-descriptionForeground); }
`;
