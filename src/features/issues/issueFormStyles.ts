// Styles of the issue form webview (added to the shared ones). Theme colours only.
export const ISSUE_FORM_CSS = `
  body { max-width: 760px; }
  header { margin: 12px 0 4px; }
  header h1 { font-size: 1.3em; margin: 0 0 4px; font-weight: 600; }
  .about, .meta { color: var(--vscode-descriptionForeground); margin: 2px 0; overflow-wrap: anywhere; }
  .field { display: flex; flex-direction: column; gap: 3px; margin: 14px 0; }
  .field vscode-textfield, .field vscode-textarea, .field vscode-single-select, .field vscode-multi-select { width: 100%; }
  .field .description { color: var(--vscode-descriptionForeground); font-size: 90%; white-space: pre-wrap; overflow-wrap: anywhere; }
  .field .error { color: var(--vscode-errorForeground); font-size: 90%; }
  .field .error:empty { display: none; }
  .required::after { content: ' *'; color: var(--vscode-errorForeground); }
  .markdown-note { white-space: pre-wrap; overflow-wrap: anywhere; padding: 6px 8px;
    border-left: 2px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder));
    background: var(--vscode-textBlockQuote-background, transparent); margin: 10px 0; }
  .md p, .md ul, .md ol, .md pre, .md blockquote { margin: 0.35em 0; }
  .md > :first-child { margin-top: 0; }
  .md > :last-child { margin-bottom: 0; }
  .md h3, .md h4, .md h5, .md h6 { margin: 0.5em 0 0.25em; font-weight: 600; }
  .md h3 { font-size: 1.15em; }
  .md h4, .md h5, .md h6 { font-size: 1em; }
  .md ul, .md ol { padding-left: 1.5em; }
  .md code { font-family: var(--vscode-editor-font-family); font-size: 0.95em;
    background: var(--vscode-textCodeBlock-background, transparent); padding: 0 2px; }
  .md pre { white-space: pre-wrap; padding: 6px 8px; background: var(--vscode-textCodeBlock-background, transparent); }
  .md pre code { background: none; padding: 0; }
  .md blockquote { padding-left: 8px; border-left: 2px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); }
  .md a { color: var(--vscode-textLink-foreground); }
  .md a:hover { color: var(--vscode-textLink-activeForeground); }
  .md hr { border: none; border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
  .checks { display: flex; flex-direction: column; gap: 4px; }
  .row { display: flex; gap: 12px; flex-wrap: wrap; }
  .row > .field { flex: 1 1 260px; }
  .hint { color: var(--vscode-descriptionForeground); font-size: 90%; }
  .warning { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); font-size: 90%; }
  .banner { padding: 8px 10px; margin: 10px 0; border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-focusBorder));
    background: var(--vscode-inputValidation-warningBackground, transparent); overflow-wrap: anywhere; }
  .banner.error { border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground));
    background: var(--vscode-inputValidation-errorBackground, transparent); }
  .banner.ok { border-color: var(--vscode-testing-iconPassed, var(--vscode-focusBorder)); background: transparent; }
  .banner[hidden] { display: none; }
  .banner .actions { margin-top: 6px; }
  details.preview { margin: 14px 0; }
  details.preview pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 8px; background: var(--vscode-textCodeBlock-background, transparent);
    font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  .submit-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 16px 0; }
  .status { color: var(--vscode-descriptionForeground); }
`;
