/**
 * The HTML shell of the responsibility matrix webview. Static markup only: the view switch (the
 * stack, the default, and the resource table), the export buttons, the labelled filter controls and
 * empty containers. The script (media/matrix.js) receives the data as JSON through
 * postMessage and builds every row with textContent, so nothing from a template is ever parsed as
 * HTML. Pure, so that the Content Security Policy is unit-tested.
 */

export interface MatrixHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for the script tag (see createNonce). */
  nonce: string;
  /** `webview.asWebviewUri(...)` of media/matrix.css and media/matrix.js, as strings. */
  styleUri: string;
  scriptUri: string;
}

const NONCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random alphanumeric characters from the platform's cryptographic generator. */
export function createNonce(length = 32): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let nonce = '';
  // 62 does not divide 256; the slight bias is irrelevant for a one-use nonce of 190 bits.
  for (const byte of bytes) nonce += NONCE_CHARS[byte % NONCE_CHARS.length];
  return nonce;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

export function matrixHtml({ cspSource, nonce, styleUri, scriptUri }: MatrixHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Responsibility Matrix</title>
</head>
<body>
<header class="toolbar">
  <div class="title-bar">
    <h1 id="matrix-title">Responsibility Matrix</h1>
    <div class="view-switch" role="radiogroup" aria-label="View">
      <button id="view-stack" type="button" role="radio" aria-checked="true" aria-controls="stack-view">Stack</button>
      <button id="view-table" type="button" role="radio" aria-checked="false" aria-controls="table-view">Resources</button>
    </div>
    <div class="exports">
      <button id="export-svg" type="button" class="secondary" title="Save the stack as an SVG picture">Export SVG…</button>
      <button id="export-markdown" type="button" class="secondary" title="Save the stack as a Markdown table">Export Markdown…</button>
    </div>
  </div>
  <p id="scope" class="scope" role="status" aria-live="polite"></p>
</header>
<p id="empty" class="empty" hidden></p>
<main id="stack-view" class="stack-view" aria-label="Responsibility stack">
  <div class="stack-layout">
    <div id="stack" class="stack" role="group" aria-labelledby="matrix-title" aria-describedby="stack-legend"></div>
    <aside id="cell-details" class="cell-details" aria-label="Resources of the selected cell" aria-live="polite">
      <p class="hint">Select a cell to list its resources.</p>
    </aside>
  </div>
  <p id="stack-legend" class="legend">Layers from the facilities at the bottom up to your data at the top, one column per kind of service, from software on hardware you host to services AWS runs entirely. Each cell counts the resources of its column by who owns the concern for them: <strong>You</strong>, <strong>Shared</strong> with AWS, or <strong>AWS</strong>, and their open findings (<span aria-hidden="true">\u25CF</span>).</p>
</main>
<main id="table-view" class="table-view" aria-label="Resources and concerns" hidden>
  <form id="filters" class="filters" role="search" aria-label="Filter resources">
    <div class="field">
      <label for="filter-text">Resource or type</label>
      <input id="filter-text" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. Orders or AWS::RDS">
    </div>
    <div class="field">
      <label for="filter-tier">Tier</label>
      <select id="filter-tier">
        <option value="">All tiers</option>
        <option value="infrastructure">Infrastructure</option>
        <option value="container">Container</option>
        <option value="abstracted">Abstracted</option>
        <option value="unclassified">Unclassified</option>
      </select>
    </div>
    <div class="field">
      <label for="filter-owner">Owner</label>
      <select id="filter-owner" aria-describedby="owner-help">
        <option value="">Anyone</option>
        <option value="customer">You</option>
        <option value="shared">Shared</option>
        <option value="aws">AWS</option>
      </select>
      <span id="owner-help" class="visually-hidden">Shows resources with a concern of this owner and dims the other cells.</span>
    </div>
    <div class="field checkbox">
      <input id="filter-open" type="checkbox">
      <label for="filter-open">Open findings only</label>
    </div>
    <button id="filter-clear" type="reset" class="secondary">Clear filters</button>
    <p id="summary" class="summary" role="status" aria-live="polite"></p>
  </form>
  <div id="table-scroll" class="table-scroll">
    <table id="matrix" aria-labelledby="matrix-title" aria-describedby="legend">
      <colgroup id="matrix-cols"></colgroup>
      <thead><tr id="matrix-head"></tr></thead>
      <tbody id="matrix-body"></tbody>
    </table>
  </div>
  <aside id="details" class="details" aria-label="Findings of the selected cell" hidden></aside>
  <p id="legend" class="legend">Each cell says who owns the concern: <strong>You</strong>, <strong>Shared</strong> with AWS, <strong>AWS</strong>, or <strong>n/a</strong> when the resource does not have it. A marked cell has open findings: hover over it or focus it to see the rules, press Enter to go to the first one.</p>
</main>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}
