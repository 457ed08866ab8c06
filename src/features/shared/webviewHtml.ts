// HTML shell for our webviews: strict CSP with a fresh nonce per render, scripts only from the
// extension's dist/webview folder. Repo content never goes into this HTML: it is sent as data in
// messages and rendered with textContent by the webview.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/** `extraCss`: styles of one webview, appended to the shared ones (in the same nonce'd <style>). */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, extraCss?: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.js`));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Lit components use constructable stylesheets; our own CSS is one nonce'd <style>.
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<style nonce="${nonce}">
  body { padding: 0 12px 12px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; font-weight: 600; margin: 14px 0 6px; color: var(--vscode-descriptionForeground); }
  .totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; }
  .totals span { color: var(--vscode-descriptionForeground); }
  .totals strong { color: var(--vscode-foreground); }
  ul.items { list-style: none; padding: 0; margin: 0; }
  ul.items li { display: flex; align-items: center; gap: 6px; padding: 4px 0; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
  ul.items li .text { flex: 1; min-width: 0; }
  ul.items li .title { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  ul.items li .detail { display: block; color: var(--vscode-descriptionForeground); font-size: 90%; }
  .overdue .detail { color: var(--vscode-problemsWarningIcon-foreground, var(--vscode-descriptionForeground)); }
  .empty { color: var(--vscode-descriptionForeground); }
  .actions { display: flex; gap: 8px; margin-top: 12px; flex-wrap: wrap; }
  a.link { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; }
  a.link:hover, a.link:focus { text-decoration: underline; }
${extraCss ? `${extraCss.replace(/<\/style/gi, '<\\/style')}\n` : ''}</style>
</head>
<body>
<main id="app" aria-live="polite"><p class="empty">Loading…</p></main>
<script type="module" nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
