// Responsibility matrix webview. Receives the model as JSON through postMessage and builds the table
// with createElement/textContent only: nothing received is ever parsed as HTML. Filters, scroll
// position and the focused element survive the panel being hidden (setState/getState).
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' };
  const OWNER_PHRASE = { aws: 'AWS owns this', customer: 'You own this', shared: 'Shared with AWS' };

  const $ = (id) => document.getElementById(id);
  const form = $('filters');
  const textInput = $('filter-text');
  const tierSelect = $('filter-tier');
  const ownerSelect = $('filter-owner');
  const openCheckbox = $('filter-open');
  const table = $('matrix');
  const head = $('matrix-head');
  const body = $('matrix-body');
  const summary = $('summary');
  const empty = $('empty');
  const details = $('details');

  /** @type {{ filters: { text: string, tier: string, owner: string, open: boolean }, focus?: { file: string, id: string, concern?: string }, scroll?: number }} */
  let state = vscode.getState() || { filters: { text: '', tier: '', owner: '', open: false } };
  let model;
  /** Per row: the model row, its <tr>, and its text for the text filter. */
  let rendered = [];
  let textTimer;

  textInput.value = state.filters.text || '';
  tierSelect.value = state.filters.tier || '';
  ownerSelect.value = state.filters.owner || '';
  openCheckbox.checked = !!state.filters.open;

  function save(patch) {
    state = Object.assign({}, state, patch);
    vscode.setState(state);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function visuallyHidden(text) {
    return el('span', 'visually-hidden', text);
  }

  function renderHead() {
    head.replaceChildren();
    for (const [label, className] of [['File', 'col-file'], ['Resource', 'col-resource'], ['Type', 'col-type'], ['Service', 'col-service'], ['Tier', 'col-tier']]) {
      const th = el('th', className, label);
      th.scope = 'col';
      head.appendChild(th);
    }
    for (const concern of model.concerns) {
      const th = el('th', 'col-concern', concern.short);
      th.scope = 'col';
      th.title = `${concern.title}: ${concern.meaning}`;
      th.setAttribute('aria-label', concern.title);
      head.appendChild(th);
    }
  }

  /** The responsibility model's status, in the hover's words (open cells list their findings instead). */
  const STATUS_PHRASE = {
    aws: 'Status: AWS takes care of it.',
    accepted: 'Status: accepted (a finding is suppressed with a reason).',
    settled: 'Status: settled by a property of the resource.',
    set: 'Status: set by a property of the resource (not checked).',
    'no-finding': 'Status: checked, no finding.',
    'not-checked': 'Status: not checked; nothing in the template speaks to it.',
  };

  function cellTitle(concern, cell) {
    const owner = cell.applicable ? OWNER_PHRASE[cell.owner] : 'Not applicable';
    const lines = [`${concern.title}: ${owner}.`];
    if (cell.reason) lines.push(cell.reason);
    if (STATUS_PHRASE[cell.status]) lines.push(STATUS_PHRASE[cell.status]);
    if (cell.findings.length > 0) {
      lines.push('', `Open (${cell.findings.length}):`);
      for (const f of cell.findings) lines.push(`${f.ruleId} (${f.severity}): ${f.message}`);
    }
    return lines.join('\n');
  }

  function renderCell(row, rowIndex, concern, cell, concernIndex) {
    const td = el('td', `cell owner-${cell.owner}${cell.applicable ? '' : ' na'}`);
    const word = cell.applicable ? OWNER_WORD[cell.owner] : 'n/a';
    td.title = cellTitle(concern, cell);
    if (cell.findings.length === 0) {
      td.textContent = word;
      return td;
    }
    td.classList.add('open', `severity-${worstSeverity(cell.findings)}`);
    const button = el('button', 'cell-button');
    button.type = 'button';
    button.dataset.row = String(rowIndex);
    button.dataset.concern = String(concernIndex);
    button.appendChild(el('span', 'owner-word', word));
    const mark = el('span', 'mark', `\u25CF${cell.findings.length}`);
    mark.setAttribute('aria-hidden', 'true');
    button.appendChild(mark);
    button.appendChild(visuallyHidden(`, ${cell.findings.length} open`));
    const describedBy = `d-${rowIndex}-${concernIndex}`;
    const description = visuallyHidden(`${concern.title} for ${row.id}: ${cell.findings.map((f) => f.ruleId).join(', ')}. Press Enter to go to the first one.`);
    description.id = describedBy;
    button.setAttribute('aria-describedby', describedBy);
    td.appendChild(button);
    td.appendChild(description);
    return td;
  }

  function worstSeverity(findings) {
    if (findings.some((f) => f.severity === 'error')) return 'error';
    if (findings.some((f) => f.severity === 'warning')) return 'warning';
    return 'info';
  }

  function renderBody() {
    const fragment = document.createDocumentFragment();
    rendered = model.rows.map((row, rowIndex) => {
      const tr = el('tr');
      tr.dataset.row = String(rowIndex);
      if (row.openCount > 0) tr.classList.add('has-open');
      tr.appendChild(el('td', 'col-file', row.fileLabel));
      const th = el('th', 'col-resource');
      th.scope = 'row';
      const link = el('button', 'resource-link', row.id);
      link.type = 'button';
      link.dataset.row = String(rowIndex);
      link.title = `Go to ${row.id} in ${row.fileLabel}`;
      th.appendChild(link);
      tr.appendChild(th);
      tr.appendChild(el('td', 'col-type', row.type));
      tr.appendChild(el('td', 'col-service', row.service));
      const tier = el('td', `col-tier tier-${row.tier}`, row.tierTitle.replace(/ services$/, ''));
      tr.appendChild(tier);
      row.cells.forEach((cell, i) => tr.appendChild(renderCell(row, rowIndex, model.concerns[i], cell, i)));
      fragment.appendChild(tr);
      const text = `${row.id}\n${row.type}\n${row.service}\n${row.fileLabel}`.toLowerCase();
      return { row, tr, text };
    });
    body.replaceChildren(fragment);
  }

  function currentFilters() {
    return { text: textInput.value, tier: tierSelect.value, owner: ownerSelect.value, open: openCheckbox.checked };
  }

  function applyFilters() {
    if (!model) return;
    const filters = currentFilters();
    save({ filters });
    const words = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    let open = 0;
    for (const { row, tr, text } of rendered) {
      const cellMatches = (cell) => (!filters.owner || (cell.applicable && cell.owner === filters.owner)) && (!filters.open || cell.findings.length > 0);
      const visible =
        words.every((w) => text.includes(w)) &&
        (!filters.tier || row.tier === filters.tier) &&
        (!filters.owner && !filters.open ? true : row.cells.some(cellMatches));
      tr.hidden = !visible;
      if (!visible) continue;
      shown++;
      open += row.openCount;
      const cells = tr.querySelectorAll('td.cell');
      row.cells.forEach((cell, i) => cells[i].classList.toggle('muted', (!!filters.owner || filters.open) && !cellMatches(cell)));
    }
    const total = model.rows.length;
    const files = new Set(model.rows.map((r) => r.file)).size;
    const parts = [shown === total ? `${total} resource${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` : `Showing ${shown} of ${total} resources`];
    parts.push(`${open} open finding${open === 1 ? '' : 's'}`);
    if (model.otherFindings > 0) parts.push(`${model.otherFindings} more not tied to a resource (see the Problems panel)`);
    summary.textContent = total === 0 ? '' : parts.join(' \u00B7 ');
    $('filter-clear').disabled = !filters.text && !filters.tier && !filters.owner && !filters.open;
  }

  function render(next) {
    const active = document.activeElement;
    const focusKey = keyOf(active);
    model = next;
    const hasRows = model.rows.length > 0;
    empty.hidden = hasRows;
    empty.textContent = hasRows ? '' : model.emptyMessage;
    table.hidden = !hasRows;
    renderHead();
    renderBody();
    applyFilters();
    const wanted = focusKey || (!state.restored && state.focus);
    if (wanted) focusKeyed(wanted, false);
    if (!state.restored && typeof state.scroll === 'number') document.scrollingElement.scrollTop = state.scroll;
    save({ restored: true });
  }

  /** The identity of a focused button: resource, and concern for a cell button. */
  function keyOf(node) {
    if (!node || !node.dataset || node.dataset.row === undefined || !model) return undefined;
    const row = model.rows[Number(node.dataset.row)];
    if (!row) return undefined;
    return { file: row.file, id: row.id, concern: node.dataset.concern !== undefined ? model.concerns[Number(node.dataset.concern)].id : undefined };
  }

  function rowIndexOf(file, id) {
    return model ? model.rows.findIndex((r) => r.file === file && r.id === id) : -1;
  }

  function focusKeyed(key, scroll) {
    const index = rowIndexOf(key.file, key.id);
    if (index < 0) return false;
    const tr = rendered[index].tr;
    if (tr.hidden) return false;
    let target = tr.querySelector('.resource-link');
    if (key.concern) {
      const c = model.concerns.findIndex((x) => x.id === key.concern);
      target = tr.querySelector(`.cell-button[data-concern="${c}"]`) || target;
    }
    target.focus({ preventScroll: !scroll });
    if (scroll) target.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  function highlight(file, id) {
    const index = rowIndexOf(file, id);
    for (const r of rendered) r.tr.classList.remove('highlight');
    if (index < 0) return;
    if (rendered[index].tr.hidden) {
      form.reset();
      applyFilters();
    }
    rendered[index].tr.classList.add('highlight');
    focusKeyed({ file, id }, true);
  }

  function showDetails(node) {
    const key = keyOf(node);
    if (!key || !key.concern) {
      details.hidden = true;
      return;
    }
    const row = model.rows[Number(node.dataset.row)];
    const concernIndex = Number(node.dataset.concern);
    const concern = model.concerns[concernIndex];
    const cell = row.cells[concernIndex];
    const list = el('ul');
    for (const f of cell.findings) {
      const item = el('li');
      item.appendChild(el('code', undefined, f.ruleId));
      item.appendChild(document.createTextNode(` (${f.severity}) ${f.message}`));
      list.appendChild(item);
    }
    const heading = el('p', 'details-heading');
    heading.appendChild(el('strong', undefined, `${row.id} \u00B7 ${concern.title}`));
    heading.appendChild(document.createTextNode(` \u2014 ${cell.applicable ? OWNER_PHRASE[cell.owner] : 'Not applicable'}`));
    details.replaceChildren(heading, list);
    details.hidden = false;
  }

  // Moves focus between interactive elements with the arrow keys: up and down within a column,
  // left and right within a row (Tab still visits them in order).
  function moveFocus(from, key) {
    const tr = from.closest('tr');
    const column = from.dataset.concern;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const items = [...tr.querySelectorAll('button')];
      const next = items[items.indexOf(from) + (key === 'ArrowRight' ? 1 : -1)];
      if (next) next.focus();
      return;
    }
    let row = tr;
    for (;;) {
      row = key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (!row) return;
      if (row.hidden) continue;
      const target = (column !== undefined && row.querySelector(`.cell-button[data-concern="${column}"]`)) || (column === undefined && row.querySelector('.resource-link'));
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'nearest' });
        return;
      }
    }
  }

  body.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || !model) return;
    const row = model.rows[Number(button.dataset.row)];
    if (!row) return;
    if (button.classList.contains('resource-link')) vscode.postMessage({ type: 'openResource', file: row.file, id: row.id });
    else if (button.classList.contains('cell-button')) vscode.postMessage({ type: 'openFinding', file: row.file, id: row.id, concern: model.concerns[Number(button.dataset.concern)].id, index: 0 });
  });
  body.addEventListener('keydown', (event) => {
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const button = event.target.closest('button');
    if (!button) return;
    event.preventDefault();
    moveFocus(button, event.key);
  });
  body.addEventListener('focusin', (event) => {
    showDetails(event.target);
    const key = keyOf(event.target);
    if (key) save({ focus: key });
  });
  body.addEventListener('mouseover', (event) => {
    const button = event.target.closest('.cell-button');
    if (button) showDetails(button);
  });

  textInput.addEventListener('input', () => {
    clearTimeout(textTimer);
    textTimer = setTimeout(applyFilters, 120);
  });
  for (const control of [tierSelect, ownerSelect, openCheckbox]) control.addEventListener('change', applyFilters);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(applyFilters, 0));
  let scrollTimer;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => save({ scroll: document.scrollingElement.scrollTop }), 150);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'model' && message.model) {
      render(message.model);
      if (message.highlight) highlight(message.highlight.file, message.highlight.id);
    } else if (message.type === 'highlight') {
      highlight(message.file, message.id);
    }
  });

  save({ restored: false });
  vscode.postMessage({ type: 'ready' });
})();
