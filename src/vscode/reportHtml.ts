// The workspace report's webview page: its frame and Content-Security-Policy; media/report.js fills it from the view model.
import * as vscode from 'vscode';

export function reportHtml(webview: vscode.Webview, media: vscode.Uri): string {
  // node:crypto is required here, when the report opens: at the top it cost every activation ~6 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nonce = (require('node:crypto') as typeof import('node:crypto')).randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Prompt Cost Report</title>
</head>
<body>
<header>
  <h1 id="title">Prompt Cost — workspace report</h1>
  <nav>
    <button id="refresh" class="secondary">Refresh</button>
    <button data-export="markdown">Export Markdown</button>
    <button data-export="csv">Export CSV</button>
    <button data-export="json">Export JSON</button>
  </nav>
</header>
<p id="summary" class="summary">Loading…</p>
<section>
  <h2 id="chart-title">Costliest calls (worst case per call)</h2>
  <div id="chart" class="chart"></div>
</section>
<section>
  <h2>Calls</h2>
  <table id="calls" class="calls">
    <thead><tr>
      <th data-key="file">File</th><th data-key="line" class="num">Line</th><th data-key="sdk">SDK</th>
      <th data-key="model">Model</th><th data-key="inputTokens" class="num">Input tokens</th>
      <th data-key="inputUsd" class="num">Input</th><th data-key="outputUsdMax" class="num">Output (max)</th>
      <th data-key="totalUsdMax" class="num">Per call (max)</th><th data-key="perMonthUsdMax" class="num">Per month (max)</th>
      <th data-key="delta" class="num" id="change-col" hidden title="Change of the per-call worst case against the base; hover a cell for the details">Change (per call)</th>
    </tr></thead>
    <tbody></tbody>
  </table>
</section>
<section>
  <h2>Per file</h2>
  <table id="files" class="files">
    <thead><tr><th>File</th><th class="num">Calls</th><th class="num">Per run (max)</th><th class="num">Per month (max)</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<section id="runs"></section>
<section id="sheets"></section>
<section id="problems"></section>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}
