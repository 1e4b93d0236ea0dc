import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ScanSummary } from './scan-results';

// The scan report: one webview per Dockerfile's last scan, with a severity bar chart and a
// table of every vulnerability. It renders what the server found and computes nothing about
// security. The table is virtualized (only the rows in view exist in the DOM), so a scan with
// 10,000 vulnerabilities sorts and filters at once. Clicking a row asks the extension to
// reveal the Dockerfile line that introduced it.
//
// Security: no local resources (`localResourceRoots: []`), a CSP of `default-src 'none'` with
// one nonce for the inline script and style, and the data goes in by postMessage as JSON (never
// pasted into the HTML), rendered with textContent only.

export const REPORT_VIEW_TYPE = 'shipshape.scanReport';
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];

/** What the webview may send. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'rendered'; rows: number; total: number };

export class ScanReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; scan: ScanSummary; rendered?: { rows: number; total: number } }>();

  /** Opens (or refreshes and reveals) the report of a scan. */
  show(scan: ScanSummary): vscode.WebviewPanel {
    const existing = this.panels.get(scan.dockerfileUri);
    if (existing) {
      existing.scan = scan;
      existing.panel.title = title(scan);
      void existing.panel.webview.postMessage({ type: 'scan', scan: payload(scan) });
      existing.panel.reveal();
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title(scan), vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    const entry: { panel: vscode.WebviewPanel; scan: ScanSummary; rendered?: { rows: number; total: number } } = { panel, scan };
    this.panels.set(scan.dockerfileUri, entry);
    panel.webview.html = reportHtml(panel.webview.cspSource, nonce());
    panel.webview.onDidReceiveMessage((message: FromWebview) => {
      if (message?.type === 'ready') void panel.webview.postMessage({ type: 'scan', scan: payload(entry.scan) });
      else if (message?.type === 'reveal') void this.reveal(entry.scan.dockerfileUri, message.line);
      else if (message?.type === 'rendered') entry.rendered = { rows: message.rows, total: message.total };
    });
    panel.onDidDispose(() => {
      if (this.panels.get(scan.dockerfileUri)?.panel === panel) this.panels.delete(scan.dockerfileUri);
    });
    return panel;
  }

  /** For tests: the open report of a Dockerfile and what its table last rendered. */
  state(dockerfileUri: string): { title: string; image: string; rendered?: { rows: number; total: number } } | undefined {
    const entry = this.panels.get(dockerfileUri);
    return entry && { title: entry.panel.title, image: entry.scan.image, rendered: entry.rendered };
  }

  /** What a click on a row does (also called by tests with the message the webview sends). */
  async reveal(dockerfileUri: string, line: number): Promise<vscode.TextEditor | undefined> {
    if (!Number.isInteger(line) || line < 0) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(dockerfileUri));
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    return vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}

function title(scan: ScanSummary): string {
  return `Scan: ${scan.image}`;
}

/** Compact rows (arrays, not objects) keep a 10,000-row message small. */
function payload(scan: ScanSummary) {
  return {
    image: scan.image,
    imageId: scan.imageId,
    dockerfile: vscode.workspace.asRelativePath(vscode.Uri.parse(scan.dockerfileUri)),
    scannedAt: scan.scannedAt,
    secrets: scan.secrets.length,
    rows: scan.vulnerabilities.map((v) => [
      v.id,
      v.severity,
      v.pkgPath ? `${v.pkgName} (${v.pkgPath})` : v.pkgName,
      v.installedVersion,
      v.fixedVersion ?? '',
      v.line,
      v.layer,
      v.title ?? '',
    ]),
  };
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}

export function reportHtml(cspSource: string, nonce: string): string {
  // cspSource is unused on purpose: the page loads nothing, not even from the extension.
  void cspSource;
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Shipshape scan report</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; margin: 12px 0 2px; }
  .meta { color: var(--vscode-descriptionForeground); margin-bottom: 10px; }
  .chart text { fill: var(--vscode-foreground); font-size: 12px; }
  .chart .track { fill: var(--vscode-editorWidget-background, rgba(128,128,128,.15)); }
  .bar-CRITICAL { fill: #c72e2e; } .bar-HIGH { fill: #e8733a; } .bar-MEDIUM { fill: #d9b000; } .bar-LOW { fill: #3d8fd1; } .bar-UNKNOWN { fill: #888; }
  .controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 10px 0; }
  .controls input[type=search] { flex: 1 1 220px; min-width: 160px; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 4px 6px; }
  .controls label { white-space: nowrap; }
  .count { color: var(--vscode-descriptionForeground); }
  .grid { display: grid; grid-template-columns: minmax(112px, 1.3fr) 84px minmax(90px, 2fr) minmax(72px, 1fr) minmax(72px, 1fr) 78px; min-width: 510px; }
  .table { overflow-x: auto; }
  .head { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
  .head > div { padding: 4px 6px; cursor: pointer; user-select: none; }
  .head > div:hover { background: var(--vscode-list-hoverBackground); }
  .viewport { min-width: 500px; position: relative; overflow-y: auto; height: 60vh; min-height: 200px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
  .spacer { width: 1px; }
  .rows { position: absolute; left: 0; right: 0; top: 0; }
  .row { height: 24px; line-height: 24px; cursor: pointer; }
  .row > div { padding: 0 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .row:hover { background: var(--vscode-list-hoverBackground); }
  .row:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  .sev { font-weight: 600; } .sev-CRITICAL { color: #e05252; } .sev-HIGH { color: #e8733a; } .sev-MEDIUM { color: #c9a400; } .sev-LOW { color: #3d8fd1; }
  .empty { padding: 12px 6px; color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1 id="title">Image scan</h1>
<div class="meta" id="meta"></div>
<svg class="chart" id="chart" width="520" height="130" role="img" aria-label="Vulnerabilities by severity"></svg>
<div class="controls">
  <input type="search" id="filter" placeholder="Filter by id, package or version" aria-label="Filter">
  <span id="severities"></span>
  <span class="count" id="count"></span>
</div>
<div class="table">
<div class="grid head" id="head" role="row"></div>
<div class="viewport" id="viewport" role="grid" tabindex="0"><div class="spacer" id="spacer"></div><div class="rows" id="rows"></div></div>
</div>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const SEVERITIES = ${JSON.stringify(SEVERITIES)};
  const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));
  const COLUMNS = [
    { key: 0, label: 'Vulnerability' },
    { key: 1, label: 'Severity' },
    { key: 2, label: 'Package' },
    { key: 3, label: 'Installed' },
    { key: 4, label: 'Fixed' },
    { key: 5, label: 'Line / layer' },
  ];
  const ROW = 24, OVERSCAN = 10;
  const $ = (id) => document.getElementById(id);
  const state = vscode.getState() || { sort: 1, dir: 1, text: '', hidden: [] };
  let scan = null, view = [];

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function chart() {
    const root = $('chart');
    root.replaceChildren();
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    for (const r of scan.rows) counts[r[1] in counts ? r[1] : 'UNKNOWN']++;
    const max = Math.max(1, ...Object.values(counts));
    SEVERITIES.forEach((s, i) => {
      const y = 4 + i * 25, width = 360;
      root.append(svg('text', { x: 0, y: y + 14 }, s));
      root.append(svg('rect', { x: 90, y, width, height: 18, class: 'track', rx: 2 }));
      const w = counts[s] ? Math.max(2, Math.round((counts[s] / max) * width)) : 0;
      const bar = svg('rect', { x: 90, y, width: w, height: 18, class: 'bar-' + s, rx: 2 });
      bar.append(svg('title', {}, s + ': ' + counts[s]));
      root.append(bar);
      root.append(svg('text', { x: 90 + width + 8, y: y + 14, 'data-severity': s }, String(counts[s])));
    });
  }

  function header() {
    const head = $('head');
    head.replaceChildren();
    for (const c of COLUMNS) {
      const cell = el('div', '', c.label + (state.sort === c.key ? (state.dir > 0 ? ' ▲' : ' ▼') : ''));
      cell.setAttribute('role', 'columnheader');
      cell.dataset.key = String(c.key);
      cell.addEventListener('click', () => {
        if (state.sort === c.key) state.dir = -state.dir; else { state.sort = c.key; state.dir = 1; }
        save(); header(); apply();
      });
      head.append(cell);
    }
  }

  function severityFilters() {
    const box = $('severities');
    box.replaceChildren();
    for (const s of SEVERITIES) {
      const label = el('label');
      const input = el('input');
      input.type = 'checkbox';
      input.value = s;
      input.checked = !state.hidden.includes(s);
      input.addEventListener('change', () => {
        state.hidden = SEVERITIES.filter((x) => !box.querySelector('input[value=' + x + ']').checked);
        save(); apply();
      });
      label.append(input, document.createTextNode(' ' + s.charAt(0) + s.slice(1).toLowerCase() + ' '));
      box.append(label);
    }
  }

  function compare(a, b) {
    const k = state.sort;
    let d;
    if (k === 1) d = (RANK[a[1]] ?? 9) - (RANK[b[1]] ?? 9);
    else if (k === 5) d = a[5] - b[5];
    else d = String(a[k]).localeCompare(String(b[k]), undefined, { numeric: true });
    return d * state.dir || String(a[0]).localeCompare(String(b[0]));
  }

  function apply() {
    const text = state.text.trim().toLowerCase();
    const hidden = new Set(state.hidden);
    view = scan.rows.filter((r) => !hidden.has(r[1]) && (!text || (r[0] + ' ' + r[2] + ' ' + r[3] + ' ' + r[4] + ' ' + r[7]).toLowerCase().includes(text)));
    view.sort(compare);
    $('count').textContent = view.length + ' of ' + scan.rows.length + ' shown';
    $('spacer').style.height = view.length * ROW + 'px';
    $('viewport').scrollTop = 0;
    render();
  }

  function render() {
    const port = $('viewport'), rows = $('rows');
    const first = Math.max(0, Math.floor(port.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(view.length, Math.ceil((port.scrollTop + port.clientHeight) / ROW) + OVERSCAN);
    rows.style.transform = 'translateY(' + first * ROW + 'px)';
    const fragment = document.createDocumentFragment();
    if (!view.length) fragment.append(el('div', 'empty', scan.rows.length ? 'No vulnerability matches the filter.' : 'Trivy found no vulnerabilities in this image.'));
    for (let i = first; i < last; i++) {
      const r = view[i];
      const row = el('div', 'grid row');
      row.setAttribute('role', 'row');
      row.tabIndex = -1;
      row.dataset.line = String(r[5]);
      row.title = (r[7] ? r[7] + ' — ' : '') + 'click to show line ' + (r[5] + 1) + ' of the Dockerfile';
      row.append(el('div', '', r[0]), el('div', 'sev sev-' + r[1], r[1]), el('div', '', r[2]), el('div', '', r[3]), el('div', '', r[4] || 'no fix'),
        el('div', '', (r[5] + 1) + (r[6] === 'base' ? ' · base' : r[6] === 'unknown' ? ' · layer unknown' : '')));
      fragment.append(row);
    }
    rows.replaceChildren(fragment);
    vscode.postMessage({ type: 'rendered', rows: rows.querySelectorAll('.row').length, total: view.length });
  }

  function save() { vscode.setState(state); }

  $('rows').addEventListener('click', (event) => {
    const row = event.target.closest('.row');
    if (row) vscode.postMessage({ type: 'reveal', line: Number(row.dataset.line) });
  });
  $('rows').addEventListener('keydown', (event) => {
    const row = event.target.closest('.row');
    if (row && event.key === 'Enter') vscode.postMessage({ type: 'reveal', line: Number(row.dataset.line) });
  });
  let pending = 0;
  $('viewport').addEventListener('scroll', () => { if (!pending) pending = requestAnimationFrame(() => { pending = 0; render(); }); });
  window.addEventListener('resize', () => scan && render());
  let typing;
  $('filter').value = state.text;
  $('filter').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => { state.text = $('filter').value; save(); apply(); }, 80); });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'scan') return;
    scan = message.scan;
    $('title').textContent = 'Trivy scan of ' + scan.image;
    $('meta').textContent = scan.rows.length + ' vulnerabilities, ' + scan.secrets + ' secret' + (scan.secrets === 1 ? '' : 's') +
      ' · mapped onto ' + scan.dockerfile + ' · ' + scan.scannedAt + (scan.imageId ? ' · ' + scan.imageId.slice(0, 19) : '');
    chart(); header(); severityFilters(); apply();
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
