// Styles of the clock (added to the shared webview shell). Theme colours only; kinds also differ by
// pattern and border, so they read in high contrast and without colour.
export const TEAM_CLOCK_CSS = `
  :root {
    --name-w: 230px; --row-h: 30px; --ok: var(--vscode-charts-green); --focus: var(--vscode-charts-purple); --away: var(--vscode-charts-red);
    --band: var(--vscode-charts-yellow); --now: var(--vscode-charts-orange, var(--vscode-charts-red));
    --line: var(--vscode-widget-border, var(--vscode-panel-border, rgba(128,128,128,.35)));
  }
  body { padding: 8px 20px 20px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  header.bar { display: flex; align-items: center; justify-content: space-between; gap: 12px 24px; flex-wrap: wrap; margin: 8px 0 4px; }
  header.bar h1 { font-size: 1.1em; font-weight: 600; margin: 0; color: var(--vscode-descriptionForeground); }
  header.bar .daytitle { font-size: 1.5em; font-weight: 600; margin-top: 2px; }
  header.bar .relative { color: var(--vscode-descriptionForeground); font-weight: normal; margin-left: 8px; }
  .controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  .controls vscode-textfield { width: 150px; }
  .controls vscode-button.step { min-width: 0; }
  .sub { color: var(--vscode-descriptionForeground); margin: 4px 0 10px; }
  .sub .shift { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
  .legend { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin: 6px 0 12px; color: var(--vscode-descriptionForeground); }
  .legend span { display: inline-flex; align-items: center; gap: 6px; }
  .legend i { display: inline-block; width: 22px; height: 12px; position: relative; }
  .notice {
    border-left: 3px solid var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); padding: 4px 10px; margin: 6px 0 10px;
    background: var(--vscode-textBlockQuote-background, transparent);
  }
  .grid { position: relative; min-width: 620px; }
  .row { display: grid; grid-template-columns: var(--name-w) 1fr; align-items: stretch; }
  .row.head .track { height: 22px; border: none; background: none; }
  .name { padding: 3px 10px 3px 0; overflow: hidden; display: flex; flex-direction: column; justify-content: center; min-height: var(--row-h); }
  .name .n { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600; }
  .name .you { font-weight: normal; color: var(--vscode-descriptionForeground); }
  .name .z { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 90%; color: var(--vscode-descriptionForeground); }
  .body .row { border-top: 1px solid var(--line); }
  .body .row:last-child { border-bottom: 1px solid var(--line); }
  .body .row.viewer .name .n::before { content: '▸ '; }
  .track { position: relative; margin: 4px 0; height: calc(var(--row-h) - 2px); }
  .tick {
    position: absolute; top: 2px; transform: translateX(-50%); font-size: 11px; font-variant-numeric: tabular-nums;
    color: var(--vscode-descriptionForeground); white-space: nowrap;
  }
  .tick.shifted { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); font-weight: 600; }
  .tick.hide { visibility: hidden; }
  .seg {
    position: absolute; top: 0; bottom: 0; box-sizing: border-box; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 11px;
    line-height: calc(var(--row-h) - 4px); padding: 0 4px; border-radius: 3px;
  }
  .seg.working { background: color-mix(in srgb, var(--ok) 38%, transparent); border: 1px solid var(--ok); }
  .seg.focus {
    background-color: color-mix(in srgb, var(--focus) 45%, transparent);
    background-image: radial-gradient(color-mix(in srgb, var(--vscode-foreground) 30%, transparent) 1px, transparent 1.5px); background-size: 6px 6px;
    border: 2px solid var(--focus);
  }
  .seg .lbl { padding: 0 3px; border-radius: 2px; }
  .seg.focus .lbl, .seg.away .lbl { background: color-mix(in srgb, var(--vscode-editor-background) 80%, transparent); }
  .seg.away {
    background: repeating-linear-gradient(135deg, color-mix(in srgb, var(--away) 55%, transparent) 0 4px, transparent 4px 9px);
    border: 1px dashed var(--away);
  }
  .seg.off { border: none; }
  .seg.off::after {
    content: ''; position: absolute; left: 0; right: 0; top: 50%;
    border-top: 1px dotted color-mix(in srgb, var(--vscode-descriptionForeground) 60%, transparent);
  }
  .seg.cut-left { border-top-left-radius: 0; border-bottom-left-radius: 0; border-left-style: none; }
  .seg.cut-right { border-top-right-radius: 0; border-bottom-right-radius: 0; border-right-style: none; }
  .seg.joined-left { border-top-left-radius: 0; border-bottom-left-radius: 0; }
  .seg.joined-right { border-top-right-radius: 0; border-bottom-right-radius: 0; }
  .shiftmark {
    position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 2px dashed var(--vscode-editorWarning-foreground, var(--vscode-foreground));
  }
  .shiftmark span {
    position: absolute; top: -2px; left: 3px; font-size: 10px; font-weight: 600;
    color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); background: var(--vscode-editor-background); padding: 0 2px;
  }
  .overlay { position: absolute; top: 0; bottom: 0; left: var(--name-w); right: 0; pointer-events: none; }
  .hourline { position: absolute; top: 0; bottom: 0; border-left: 1px solid color-mix(in srgb, var(--line) 70%, transparent); }
  .hourline.major { border-left-color: var(--line); }
  .band {
    position: absolute; top: -2px; bottom: -2px; background: color-mix(in srgb, var(--band) 16%, transparent); border-left: 2px solid var(--band);
    border-right: 2px solid var(--band);
  }
  .band.partial { background: color-mix(in srgb, var(--band) 9%, transparent); border-left-style: dashed; border-right-style: dashed; }
  .nowline { position: absolute; top: -20px; bottom: -4px; border-left: 2px solid var(--now); }
  .nowline span {
    position: absolute; top: 0; left: 3px; font-size: 10px; font-weight: 600; color: var(--now); background: var(--vscode-editor-background);
    padding: 0 2px; white-space: nowrap;
  }
  .hoverline { position: absolute; top: -4px; bottom: -4px; border-left: 1px dashed var(--vscode-foreground); }
  .body { position: relative; cursor: crosshair; outline: none; }
  .body:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .overlap-text { margin: 12px 0 0; }
  .overlap-text strong { font-weight: 600; }
  .hint { margin: 6px 0 0; color: var(--vscode-descriptionForeground); font-size: 90%; }
  .legend .shiftsample { border-left: 2px dashed var(--vscode-editorWarning-foreground, var(--vscode-foreground)); width: 0; height: 14px; }
  .legend .nowsample { border-left: 2px solid var(--now); width: 0; height: 14px; }
  .legend .bandsample {
    background: color-mix(in srgb, var(--band) 16%, transparent); border-left: 2px solid var(--band); border-right: 2px solid var(--band);
    box-sizing: border-box;
  }
  .legend .bandsample.partial { background: color-mix(in srgb, var(--band) 9%, transparent); border-left-style: dashed; border-right-style: dashed; }
  .tooltip {
    position: fixed; z-index: 10; pointer-events: none; min-width: 220px; max-width: 420px; padding: 6px 10px;
    background: var(--vscode-editorHoverWidget-background); color: var(--vscode-editorHoverWidget-foreground, var(--vscode-foreground));
    border: 1px solid var(--vscode-editorHoverWidget-border, var(--line)); border-radius: 4px;
    box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.3)); font-size: 12px;
  }
  .tooltip .head { font-weight: 600; margin-bottom: 4px; }
  .tooltip table { border-collapse: collapse; }
  .tooltip td { padding: 1px 10px 1px 0; white-space: nowrap; }
  .tooltip td.t { font-variant-numeric: tabular-nums; }
  .tooltip td.k { color: var(--vscode-descriptionForeground); }
  .vscode-high-contrast .seg.working, .vscode-high-contrast-light .seg.working { border-width: 2px; }
  .vscode-high-contrast .band, .vscode-high-contrast-light .band { border-width: 3px; }
`;
