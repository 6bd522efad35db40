// Responsibility matrix webview: the stack (the default view: concerns as layers × kinds of service,
// each cell counting resources by owner) and the resource table (resources × concerns, filterable,
// rendered in a window of rows so that thousands of resources scroll smoothly). Receives the model as
// JSON through postMessage and builds everything with createElement/textContent only: nothing
// received is ever parsed as HTML. The view, the selected cell, the filters and the scroll position
// survive the panel being hidden (setState/getState).
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const OWNER_WORD = { aws: 'AWS', customer: 'You', shared: 'Shared' };
  const OWNER_PHRASE = { aws: 'AWS owns this', customer: 'You own this', shared: 'Shared with AWS' };
  const OWNER_ORDER = ['customer', 'shared', 'aws'];
  /** Height of a table row in pixels (matrix.css sets the same); rows are rendered in a window. */
  const ROW_HEIGHT = 26;
  /** Rows rendered above and below the visible ones. */
  const OVERSCAN = 15;
  /** Resources listed for a stack cell at most. */
  const LIST_LIMIT = 500;

  const $ = (id) => document.getElementById(id);
  const scope = $('scope');
  const empty = $('empty');
  const stackView = $('stack-view');
  const tableView = $('table-view');
  const stackGrid = $('stack');
  const cellDetails = $('cell-details');
  const viewStack = $('view-stack');
  const viewTable = $('view-table');
  const form = $('filters');
  const textInput = $('filter-text');
  const tierSelect = $('filter-tier');
  const ownerSelect = $('filter-owner');
  const openCheckbox = $('filter-open');
  const scroller = $('table-scroll');
  const cols = $('matrix-cols');
  const head = $('matrix-head');
  const body = $('matrix-body');
  const summary = $('summary');
  const details = $('details');

  /** @type {{ view: string, filters: { text: string, tier: string, owner: string, open: boolean }, cell?: { column: string, concern: string }, focus?: { file: string, id: string, concern?: string }, scroll?: number, restored?: boolean }} */
  let state = vscode.getState() || {};
  state = Object.assign({ view: 'stack', filters: { text: '', tier: '', owner: '', open: false } }, state);
  let model;
  /** Row indexes that pass the filters, in order. */
  let filtered = [];
  /** Rendered <tr> elements by row index, for the current filters. */
  let rowCache = new Map();
  let windowStart = -1;
  let windowEnd = -1;
  let highlighted;
  let textTimer;
  let scrollFrame = 0;

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

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many || `${one}s`}`;
  }

  /** "You 12 · Shared 2", largest first. */
  function ownerCounts(cell) {
    return OWNER_ORDER.filter((o) => cell.owners[o] > 0)
      .sort((a, b) => cell.owners[b] - cell.owners[a])
      .map((o) => `${OWNER_WORD[o]} ${cell.owners[o]}`)
      .join(' \u00B7 ');
  }

  // -------------------------------------------------------------------------------------------
  // Views

  function setView(view) {
    const stack = view !== 'table';
    stackView.hidden = stack ? false : true;
    tableView.hidden = stack;
    viewStack.setAttribute('aria-checked', String(stack));
    viewTable.setAttribute('aria-checked', String(!stack));
    save({ view: stack ? 'stack' : 'table' });
    if (!stack && model) renderWindow(true);
  }

  function chooseView(view) {
    setView(view);
    vscode.postMessage({ type: 'view', view });
  }

  viewStack.addEventListener('click', () => chooseView('stack'));
  viewTable.addEventListener('click', () => chooseView('table'));
  $('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg' }));
  $('export-markdown').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'markdown' }));

  function renderScope() {
    if (!model || model.rows.length === 0) {
      scope.textContent = '';
      return;
    }
    const parts = [model.scope, plural(model.stack.openFindings, 'open finding')];
    if (model.otherFindings > 0) parts.push(`${model.otherFindings} more not tied to a resource (see the Problems panel)`);
    scope.textContent = parts.join(' \u00B7 ');
  }

  // -------------------------------------------------------------------------------------------
  // The stack

  function columnOf(id) {
    return model.stack.columns.find((c) => c.id === id);
  }

  function stackRowOf(concern) {
    return model.stack.rows.find((r) => r.concern === concern);
  }

  function renderStack() {
    const { stack } = model;
    const fragment = document.createDocumentFragment();
    const corner = el('div', 'stack-corner', 'Concern');
    fragment.appendChild(corner);
    for (const column of stack.columns) {
      const th = el('div', `stack-column${column.resources === 0 ? ' none' : ''}`);
      th.appendChild(el('span', 'stack-column-title', column.title));
      th.appendChild(el('span', 'stack-column-note', column.note));
      const counts = [plural(column.resources, 'resource')];
      if (column.openFindings > 0) counts.push(`${column.openFindings} open`);
      th.appendChild(el('span', 'stack-column-counts', counts.join(' \u00B7 ')));
      fragment.appendChild(th);
    }
    const layers = [...stack.layers].reverse();
    for (const layer of layers) {
      const label = el('div', 'stack-layer', layer.title);
      fragment.appendChild(label);
      for (const row of stack.rows.filter((r) => r.layer === layer.id)) {
        const concern = el('div', 'stack-concern', row.title);
        concern.title = row.meaning;
        fragment.appendChild(concern);
        for (const cell of row.cells) fragment.appendChild(renderStackCell(row, cell));
      }
    }
    stackGrid.replaceChildren(fragment);
  }

  function renderStackCell(row, cell) {
    const column = columnOf(cell.column);
    const total = cell.owners.customer + cell.owners.shared + cell.owners.aws;
    const button = el('button', `stack-cell owner-${cell.owner || 'none'}`);
    button.type = 'button';
    button.dataset.column = cell.column;
    button.dataset.concern = cell.concern;
    if (total === 0) {
      button.appendChild(el('span', 'stack-label', '\u2013'));
      button.setAttribute('aria-label', `${column.title}, ${row.title}: no resource`);
      button.disabled = cell.notApplicable === 0;
      return button;
    }
    const bar = el('span', 'stack-bar');
    bar.setAttribute('aria-hidden', 'true');
    for (const owner of OWNER_ORDER) {
      if (cell.owners[owner] === 0) continue;
      const segment = el('span', `segment owner-${owner}`);
      segment.style.flexGrow = String(cell.owners[owner]);
      bar.appendChild(segment);
    }
    button.appendChild(bar);
    button.appendChild(el('span', 'stack-label', ownerCounts(cell)));
    if (cell.openFindings > 0) {
      const open = el('span', 'stack-open', `\u25CF${cell.openFindings}`);
      open.title = plural(cell.openFindings, 'open finding');
      button.appendChild(open);
    }
    button.setAttribute(
      'aria-label',
      `${column.title}, ${row.title}: ${ownerCounts(cell)}${cell.openFindings > 0 ? `, ${plural(cell.openFindings, 'open finding')}` : ''}`,
    );
    return button;
  }

  const STATUS_WORDS = {
    open: 'open',
    'not-applicable': 'n/a',
    aws: 'AWS takes care of it',
    accepted: 'accepted',
    settled: 'settled',
    set: 'set, not checked',
    'no-finding': 'no finding',
    'not-checked': 'not checked',
  };

  function selectCell(column, concern, focus) {
    const row = model && stackRowOf(concern);
    const cell = row && row.cells.find((c) => c.column === column);
    for (const b of stackGrid.querySelectorAll('.stack-cell.selected')) b.classList.remove('selected');
    if (!cell) {
      cellDetails.replaceChildren(el('p', 'hint', 'Select a cell to list its resources.'));
      save({ cell: undefined });
      return;
    }
    const button = stackGrid.querySelector(`.stack-cell[data-column="${column}"][data-concern="${concern}"]`);
    if (button) {
      button.classList.add('selected');
      if (focus) button.focus();
    }
    save({ cell: { column, concern } });
    const concernIndex = model.concerns.findIndex((c) => c.id === concern);
    const heading = el('h2', 'cell-heading', `${columnOf(column).title} \u00B7 ${row.title}`);
    const counts = ownerCounts(cell);
    const line = [counts ? `${plural(cell.rows.length, 'resource')}: ${counts}` : 'No resource has this concern'];
    if (cell.openFindings > 0) line.push(plural(cell.openFindings, 'open finding'));
    if (cell.notApplicable > 0) line.push(`${cell.notApplicable} without this concern`);
    const nodes = [heading, el('p', 'cell-summary', line.join(' \u00B7 ')), el('p', 'cell-meaning', row.meaning)];
    if (cell.rows.length > 0) {
      const list = el('ul', 'cell-resources');
      for (const r of cell.rows.slice(0, LIST_LIMIT)) {
        const resource = model.rows[r];
        const c = resource.cells[concernIndex];
        const item = el('li');
        const link = el('button', 'resource-link', resource.id);
        link.type = 'button';
        link.dataset.row = String(r);
        link.title = `Go to ${resource.id} in ${resource.fileLabel}`;
        item.appendChild(link);
        item.appendChild(el('span', `owner-word owner-${c.owner}`, OWNER_WORD[c.owner]));
        const status = c.findings.length > 0 ? plural(c.findings.length, 'open finding') : STATUS_WORDS[c.status] || '';
        item.appendChild(el('span', c.findings.length > 0 ? 'status open' : 'status', status));
        item.appendChild(el('span', 'file', resource.fileLabel));
        item.title = model.reasons[c.reason] || '';
        list.appendChild(item);
      }
      nodes.push(list);
      if (cell.rows.length > LIST_LIMIT)
        nodes.push(el('p', 'hint', `and ${cell.rows.length - LIST_LIMIT} more: filter the Resources view to see them.`));
    }
    cellDetails.replaceChildren(...nodes);
  }

  stackGrid.addEventListener('click', (event) => {
    const button = event.target.closest('.stack-cell');
    if (button && !button.disabled) selectCell(button.dataset.column, button.dataset.concern, false);
  });
  stackGrid.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -4, ArrowDown: 4 };
    if (!(event.key in moves)) return;
    const button = event.target.closest('.stack-cell');
    if (!button) return;
    const all = [...stackGrid.querySelectorAll('.stack-cell')];
    const next = all[all.indexOf(button) + moves[event.key]];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
  cellDetails.addEventListener('click', (event) => {
    const link = event.target.closest('.resource-link');
    const row = link && model && model.rows[Number(link.dataset.row)];
    if (row) vscode.postMessage({ type: 'openResource', file: row.file, id: row.id });
  });

  // -------------------------------------------------------------------------------------------
  // The resource table

  const STATUS_PHRASE = {
    aws: 'Status: AWS takes care of it.',
    accepted: 'Status: accepted (a finding is suppressed with a reason).',
    settled: 'Status: settled by a property of the resource.',
    set: 'Status: set by a property of the resource (not checked).',
    'no-finding': 'Status: checked, no finding.',
    'not-checked': 'Status: not checked; nothing in the template speaks to it.',
  };

  const LEADING = [
    ['Resource', 'col-resource'],
    ['Tier', 'col-tier'],
  ];
  const TRAILING = [
    ['Type', 'col-type'],
    ['Service', 'col-service'],
    ['File', 'col-file'],
  ];

  function renderHead() {
    cols.replaceChildren();
    head.replaceChildren();
    const columns = [...LEADING, ...model.concerns.map((c) => [c, 'col-concern']), ...TRAILING];
    for (const [label, className] of columns) {
      cols.appendChild(el('col', className));
      const th = el('th', className, typeof label === 'string' ? label : label.short);
      th.scope = 'col';
      if (typeof label !== 'string') {
        th.title = `${label.title}: ${label.meaning}`;
        th.setAttribute('aria-label', label.title);
      }
      head.appendChild(th);
    }
  }

  function cellTitle(concern, cell) {
    const owner = cell.applicable ? OWNER_PHRASE[cell.owner] : 'Not applicable';
    const lines = [`${concern.title}: ${owner}.`];
    const reason = model.reasons[cell.reason];
    if (reason) lines.push(reason);
    if (STATUS_PHRASE[cell.status]) lines.push(STATUS_PHRASE[cell.status]);
    if (cell.findings.length > 0) {
      lines.push('', `Open (${cell.findings.length}):`);
      for (const f of cell.findings) lines.push(`${f.ruleId} (${f.severity}): ${f.message}`);
    }
    return lines.join('\n');
  }

  function worstSeverity(findings) {
    if (findings.some((f) => f.severity === 'error')) return 'error';
    if (findings.some((f) => f.severity === 'warning')) return 'warning';
    return 'info';
  }

  function cellMatches(cell, filters) {
    return (!filters.owner || (cell.applicable && cell.owner === filters.owner)) && (!filters.open || cell.findings.length > 0);
  }

  function renderCell(row, rowIndex, concern, cell, concernIndex, filters) {
    const td = el('td', `cell owner-${cell.owner}${cell.applicable ? '' : ' na'}`);
    if ((filters.owner || filters.open) && !cellMatches(cell, filters)) td.classList.add('muted');
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
    button.setAttribute('aria-label', `${concern.title} for ${row.id}: ${word}, ${cell.findings.map((f) => f.ruleId).join(', ')}. Press Enter to go to the first one.`);
    td.appendChild(button);
    return td;
  }

  function renderRow(rowIndex, filters) {
    const row = model.rows[rowIndex];
    const tr = el('tr');
    tr.dataset.row = String(rowIndex);
    if (row.openCount > 0) tr.classList.add('has-open');
    const th = el('th', 'col-resource');
    th.scope = 'row';
    const link = el('button', 'resource-link', row.id);
    link.type = 'button';
    link.dataset.row = String(rowIndex);
    link.title = `Go to ${row.id} in ${row.fileLabel}`;
    th.appendChild(link);
    tr.appendChild(th);
    tr.appendChild(el('td', `col-tier tier-${row.tier}`, row.tierTitle.replace(/ services$/, '')));
    row.cells.forEach((cell, i) => tr.appendChild(renderCell(row, rowIndex, model.concerns[i], cell, i, filters)));
    tr.appendChild(el('td', 'col-type', row.type));
    tr.appendChild(el('td', 'col-service', row.service));
    tr.appendChild(el('td', 'col-file', row.fileLabel));
    return tr;
  }

  function spacer(height) {
    const tr = el('tr', 'spacer');
    tr.setAttribute('aria-hidden', 'true');
    const td = el('td');
    td.colSpan = model.concerns.length + LEADING.length + TRAILING.length;
    tr.appendChild(td);
    tr.style.height = `${height}px`;
    return tr;
  }

  /** The spacers above and below the rows in view, while they are in the table. */
  let topSpacer;
  let bottomSpacer;

  /** The row element of the `position`-th filtered row, rendered once and kept. */
  function rowAt(position, filters) {
    const index = filtered[position];
    let tr = rowCache.get(index);
    if (!tr) {
      tr = renderRow(index, filters);
      rowCache.set(index, tr);
    }
    tr.classList.toggle('highlight', highlighted === index);
    return tr;
  }

  /**
   * Renders the rows in view (and a margin), between two spacers that keep the scroll height. A
   * scroll step adds the rows that come into the window and removes those that leave it; the rows
   * that stay are not touched, so the browser lays out and paints only what changed.
   */
  function renderWindow(force) {
    if (!model || tableView.hidden) return;
    const height = scroller.clientHeight || 600;
    // After a filter shortens the table the browser clamps the scroll position only later: clamp
    // it here, so that the rows shown are the ones the view will show.
    const top = Math.min(scroller.scrollTop, Math.max(0, filtered.length * ROW_HEIGHT - height + ROW_HEIGHT));
    const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(filtered.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    if (!force && start === windowStart && end === windowEnd) return;
    const filters = currentFilters();
    const attached = topSpacer?.parentNode === body && bottomSpacer?.parentNode === body;
    if (force || !attached || start >= windowEnd || end <= windowStart) {
      const fragment = document.createDocumentFragment();
      topSpacer = spacer(start * ROW_HEIGHT);
      fragment.appendChild(topSpacer);
      for (let i = start; i < end; i++) fragment.appendChild(rowAt(i, filters));
      bottomSpacer = spacer((filtered.length - end) * ROW_HEIGHT);
      fragment.appendChild(bottomSpacer);
      body.replaceChildren(fragment);
    } else {
      for (let i = windowStart; i < start; i++) rowCache.get(filtered[i])?.remove();
      for (let i = end; i < windowEnd; i++) rowCache.get(filtered[i])?.remove();
      if (start < windowStart) {
        const above = document.createDocumentFragment();
        for (let i = start; i < windowStart; i++) above.appendChild(rowAt(i, filters));
        topSpacer.after(above);
      }
      if (end > windowEnd) {
        const below = document.createDocumentFragment();
        for (let i = windowEnd; i < end; i++) below.appendChild(rowAt(i, filters));
        bottomSpacer.before(below);
      }
      topSpacer.style.height = `${start * ROW_HEIGHT}px`;
      bottomSpacer.style.height = `${(filtered.length - end) * ROW_HEIGHT}px`;
    }
    windowStart = start;
    windowEnd = end;
  }

  function currentFilters() {
    return { text: textInput.value, tier: tierSelect.value, owner: ownerSelect.value, open: openCheckbox.checked };
  }

  let searchText = [];

  function applyFilters() {
    if (!model) return;
    const filters = currentFilters();
    save({ filters });
    const words = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    filtered = [];
    let open = 0;
    model.rows.forEach((row, i) => {
      const visible =
        words.every((w) => searchText[i].includes(w)) &&
        (!filters.tier || row.tier === filters.tier) &&
        (!filters.owner && !filters.open ? true : row.cells.some((cell) => cellMatches(cell, filters)));
      if (!visible) return;
      filtered.push(i);
      open += row.openCount;
    });
    rowCache = new Map();
    const total = model.rows.length;
    const shown = filtered.length;
    summary.textContent =
      total === 0 ? '' : `${shown === total ? `All ${plural(total, 'resource')}` : `Showing ${shown} of ${total} resources`} \u00B7 ${plural(open, 'open finding')}`;
    $('filter-clear').disabled = !filters.text && !filters.tier && !filters.owner && !filters.open;
    renderWindow(true);
  }

  /** Scrolls the table so that the row at `position` of the filtered rows is in view, then renders. */
  function revealPosition(position, center) {
    const rowTop = position * ROW_HEIGHT;
    const headHeight = head.offsetHeight || ROW_HEIGHT;
    const view = scroller.clientHeight - headHeight;
    if (center) scroller.scrollTop = Math.max(0, rowTop - view / 2);
    else if (rowTop < scroller.scrollTop) scroller.scrollTop = rowTop;
    else if (rowTop + ROW_HEIGHT > scroller.scrollTop + view) scroller.scrollTop = rowTop + ROW_HEIGHT - view;
    renderWindow(false);
  }

  function focusRow(rowIndex, concernIndex, center) {
    const position = filtered.indexOf(rowIndex);
    if (position < 0) return false;
    revealPosition(position, center);
    const tr = rowCache.get(rowIndex);
    if (!tr) return false;
    const target = (concernIndex !== undefined && tr.querySelector(`.cell-button[data-concern="${concernIndex}"]`)) || tr.querySelector('.resource-link');
    target.focus({ preventScroll: true });
    return true;
  }

  function rowIndexOf(file, id) {
    return model ? model.rows.findIndex((r) => r.file === file && r.id === id) : -1;
  }

  function highlight(file, id) {
    const index = rowIndexOf(file, id);
    if (index < 0) return;
    setView('table');
    highlighted = index;
    if (!filtered.includes(index)) {
      form.reset();
      textInput.value = '';
      tierSelect.value = '';
      ownerSelect.value = '';
      openCheckbox.checked = false;
      applyFilters();
    }
    rowCache.forEach((tr, i) => tr.classList.toggle('highlight', i === index));
    focusRow(index, undefined, true);
  }

  function keyOf(node) {
    if (!node || !node.dataset || node.dataset.row === undefined || !model) return undefined;
    const row = model.rows[Number(node.dataset.row)];
    if (!row) return undefined;
    return { file: row.file, id: row.id, concern: node.dataset.concern !== undefined ? model.concerns[Number(node.dataset.concern)].id : undefined };
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

  // Arrow keys: up and down within a column (scrolling the window), left and right within a row.
  function moveFocus(from, key) {
    const tr = from.closest('tr');
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const items = [...tr.querySelectorAll('button')];
      const next = items[items.indexOf(from) + (key === 'ArrowRight' ? 1 : -1)];
      if (next) next.focus();
      return;
    }
    const concern = from.dataset.concern === undefined ? undefined : Number(from.dataset.concern);
    let position = filtered.indexOf(Number(tr.dataset.row));
    for (;;) {
      position += key === 'ArrowDown' ? 1 : -1;
      if (position < 0 || position >= filtered.length) return;
      const row = model.rows[filtered[position]];
      if (concern === undefined || row.cells[concern].findings.length > 0) {
        focusRow(filtered[position], concern, false);
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
  let saveTimer;
  scroller.addEventListener('scroll', () => {
    if (!scrollFrame)
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        renderWindow(false);
      });
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => save({ scroll: scroller.scrollTop }), 150);
  });
  window.addEventListener('resize', () => renderWindow(false));

  // -------------------------------------------------------------------------------------------

  /** The cells as objects: { owner, status, reason, applicable, findings } (see engine/matrix-view.ts). */
  function expand(next) {
    const { owners, statuses } = next.codes;
    const count = next.concerns.length;
    for (const row of next.rows) {
      const cells = new Array(count);
      for (let i = 0; i < count; i++) {
        const c = row.cells;
        cells[i] = { owner: owners[c[i * 4]], status: statuses[c[i * 4 + 1]], reason: c[i * 4 + 2], applicable: c[i * 4 + 3] === 1, findings: [] };
      }
      for (const [concern, ruleId, severity, message] of row.findings) cells[concern].findings.push({ ruleId, severity, message });
      row.cells = cells;
    }
    return next;
  }

  function render(next) {
    const active = document.activeElement;
    const focusKey = tableView.contains(active) ? keyOf(active) : undefined;
    model = expand(next);
    const hasRows = model.rows.length > 0;
    empty.hidden = hasRows;
    empty.textContent = hasRows ? '' : model.emptyMessage;
    document.body.classList.toggle('no-rows', !hasRows);
    searchText = model.rows.map((row) => `${row.id}\n${row.type}\n${row.service}\n${row.fileLabel}`.toLowerCase());
    renderScope();
    renderStack();
    renderHead();
    const restoring = !state.restored;
    setView(state.view);
    applyFilters();
    if (restoring && typeof state.scroll === 'number') {
      scroller.scrollTop = state.scroll;
      renderWindow(false);
    }
    if (state.cell) selectCell(state.cell.column, state.cell.concern, false);
    const wanted = focusKey || (restoring && state.view === 'table' && state.focus);
    if (wanted) {
      const index = rowIndexOf(wanted.file, wanted.id);
      const concern = wanted.concern ? model.concerns.findIndex((c) => c.id === wanted.concern) : undefined;
      if (index >= 0 && filtered.includes(index)) focusRow(index, concern, false);
    }
    save({ restored: true });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'model' && message.model) {
      render(message.model);
      if (message.view === 'stack' || message.view === 'table') setView(message.view);
      if (message.highlight) highlight(message.highlight.file, message.highlight.id);
      if (message.select) {
        setView('stack');
        selectCell(message.select.column, message.select.concern, true);
      }
    }
  });

  save({ restored: false });
  vscode.postMessage({ type: 'ready' });
})();
