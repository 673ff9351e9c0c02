// Prompt Cost report webview. Data arrives by postMessage, already formatted by the extension;
// the DOM is built with textContent only (no HTML from data).
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is injected by VS Code
  const vscode = acquireVsCodeApi();
  /** @type {any} */
  let model;
  const state = vscode.getState() || { key: 'totalUsdMax', dir: -1 };

  const $ = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (document.querySelector(sel));
  /** @param {string} tag @param {string=} cls @param {string=} text */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** `explore.ipynb cell 3` for a call or problem in a notebook, else the file. @param {{file: string, cell?: number}} r */
  const where = (r) => (r.cell ? `${r.file} cell ${r.cell}` : r.file);

  function sortRows() {
    const { key, dir } = state;
    return [...model.rows].sort((a, b) => {
      // Unpriced (null) figures sort below every price.
      const x = a[key] ?? -Infinity, y = b[key] ?? -Infinity;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return dir * c || a.file.localeCompare(b.file) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line;
    });
  }

  function renderCalls() {
    const body = /** @type {HTMLTableSectionElement} */ ($('#calls tbody'));
    body.replaceChildren();
    for (const r of sortRows()) {
      const tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.id = String(r.id);
      tr.title = r.unresolved.length ? 'Not counted: ' + r.unresolved.join(', ') : 'Open this call';
      const cells = [
        [where(r), 'file'], [String(r.line), 'num'], [r.sdk, ''], [r.model, r.modelKnown ? '' : 'unknown'],
        [r.text.tokens, 'num'], [r.text.input, 'num'], [r.text.output, 'num'], [r.text.total, 'num'], [r.text.month, 'num'],
      ];
      for (const [text, cls] of cells) tr.append(el('td', cls, text));
      if (model.compare && r.change) {
        const td = el('td', `num change ${r.change.status}`, r.change.text);
        td.title = r.change.title;
        tr.append(td);
      }
      body.append(tr);
    }
    for (const th of document.querySelectorAll('#calls th')) {
      const k = /** @type {HTMLElement} */ (th).dataset.key;
      th.setAttribute('aria-sort', k === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }

  function renderChart() {
    const chart = $('#chart');
    chart.replaceChildren();
    const top = model.top.map((/** @type {number} */ id) => model.rows[id]);
    // Comparing: the bars are the largest changes of the per-call worst case.
    const size = (/** @type {any} */ r) => (model.compare ? Math.abs(r.delta ?? 0) : r.totalUsdMax);
    const max = Math.max(...top.map(size), 0);
    $('#chart-title').textContent = model.compare ? 'Largest changes (worst case per call)' : 'Costliest calls (worst case per call)';
    if (!top.length) chart.append(el('p', 'muted', model.compare ? 'No call changed its cost.' : 'No priced calls.'));
    for (const r of top) {
      chart.append(el('span', 'label', `${r.model} · ${where(r)}:${r.line}`));
      const track = el('div', 'track');
      const bar = el('div', 'bar');
      // CSSOM, not a style attribute: allowed under the strict CSP.
      bar.style.width = max > 0 ? `${(100 * size(r)) / max}%` : '0';
      track.append(bar);
      chart.append(track, el('span', 'value', model.compare ? r.change.text : r.text.total));
    }
  }

  function renderFiles() {
    const body = /** @type {HTMLTableSectionElement} */ ($('#files tbody'));
    body.replaceChildren();
    for (const f of model.files) {
      const tr = el('tr');
      tr.append(el('td', 'file', f.file), el('td', 'num', String(f.calls)), el('td', 'num', f.text.total), el('td', 'num', f.text.month));
      body.append(tr);
    }
  }

  function renderMeta() {
    const t = model.totals;
    $('#change-col').hidden = !model.compare;
    $('#title').textContent = model.compare ? `Prompt Cost — compared with ${model.compare.base}` : 'Prompt Cost — workspace report';
    if (model.compare) {
      $('#summary').textContent = model.compare.summary;
    } else $('#summary').textContent =
      `${t.calls} call${t.calls === 1 ? '' : 's'} in ${t.files} file${t.files === 1 ? '' : 's'} (${model.scanned} scanned)` +
      ` · worst case ${t.total} if each runs once · ${t.month} per month` +
      (t.unknownModels ? ` · ${t.unknownModels} not priced (model in no price sheet)` : '') +
      (t.outputUnknown ? ` · output of ${t.outputUnknown} call${t.outputUnknown === 1 ? '' : 's'} with no known maximum not included` : '') +
      (model.cancelled ? ' · scan cancelled: partial results' : '');
    const sheets = $('#sheets');
    sheets.replaceChildren(el('h2', '', 'Price sheets'));
    const ul = el('ul');
    for (const s of model.sheets) ul.append(el('li', '', `${s.provider} — as of ${s.asOf} — ${s.source}`));
    sheets.append(ul);
    const problems = $('#problems');
    problems.replaceChildren();
    if (model.problems.length) {
      problems.append(el('h2', '', 'Problems'));
      const pl = el('ul', 'problems');
      for (const p of model.problems) pl.append(el('li', '', `${where(p)}${p.line ? ':' + p.line : ''}: ${p.message}`));
      problems.append(pl);
    }
  }

  /** Agent runs: a call in a loop or agent, every turn, dearest first. */
  function renderRuns() {
    const sec = $('#runs');
    sec.replaceChildren();
    if (!model.runs || !model.runs.length) return;
    sec.append(el('h2', '', 'Agent runs (per run, all turns)'));
    const table = el('table', 'runs');
    const head = el('tr');
    for (const h of ['Call', 'Model', 'Turns', 'Grows', 'Worst case', 'With caching', 'Expected']) head.append(el('th', h === 'Call' || h === 'Model' || h === 'Turns' || h === 'Grows' ? '' : 'num', h));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const r of model.runs) {
      const tr = el('tr');
      tr.append(
        el('td', 'file', `${where(r)}:${r.line}`),
        el('td', '', r.model),
        el('td', '', r.turns),
        el('td', '', r.grows ? 'yes' : 'no'),
        el('td', 'num', r.text.worst),
        el('td', 'num', r.text.cached),
        el('td', 'num', r.text.expected),
      );
      body.append(tr);
    }
    table.append(thead, body);
    sec.append(table);
  }

  function render() {
    renderMeta();
    renderRuns();
    renderChart();
    renderCalls();
    renderFiles();
  }

  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'data') {
      model = e.data.model;
      // A comparison opens sorted by its change column; the workspace report by the worst case.
      if (model.compare && state.key !== 'delta' && !state.compared) Object.assign(state, { key: 'delta', dir: -1, compared: true });
      if (!model.compare && state.key === 'delta') Object.assign(state, { key: 'totalUsdMax', dir: -1 });
      vscode.setState(state);
      render();
    }
  });

  document.querySelector('#calls thead')?.addEventListener('click', (e) => {
    const th = /** @type {HTMLElement} */ (e.target).closest('th');
    const key = th && th.dataset.key;
    if (!key || !model) return;
    state.dir = state.key === key ? -state.dir : typeof model.rows[0]?.[key] === 'number' ? -1 : 1;
    state.key = key;
    vscode.setState(state);
    renderCalls();
  });
  function openRow(/** @type {Event} */ e) {
    const tr = /** @type {HTMLElement} */ (e.target).closest('tr');
    if (tr && tr.dataset.id) vscode.postMessage({ type: 'open', id: Number(tr.dataset.id) });
  }
  $('#calls tbody').addEventListener('click', openRow);
  $('#calls tbody').addEventListener('keydown', (e) => {
    if (/** @type {KeyboardEvent} */ (e).key === 'Enter') openRow(e);
  });
  $('#refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  for (const b of document.querySelectorAll('button[data-export]')) {
    b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: /** @type {HTMLElement} */ (b).dataset.export }));
  }
  vscode.postMessage({ type: 'ready' });
})();
