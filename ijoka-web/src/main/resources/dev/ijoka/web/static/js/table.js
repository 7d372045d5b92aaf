// The Table. Filters apply as you type (debounced) without reloading the page; sort headers and the
// pager swap the results in place; the URL always says what is shown, so reload, back/forward and
// bookmarks work. The server renders (and escapes) the results, exactly as it does for a page load
// without script. Live events re-fetch the current results: rows of changed features update in place
// (the same <tr> elements, briefly highlighted) and the counts and pages stay right.
import { fragment, debounce, toast } from './api.js';
import { onEvent } from './live.js';
import { openPanel } from './layout.js';

const form = document.getElementById('table-filters');
const resultsUrl = form?.dataset.results;

/** Event types that change what a row shows (status, claim, steps, fields) or which rows exist. */
const TABLE_EVENTS = new Set(['feature_created', 'feature_updated', 'feature_started', 'feature_completed',
  'feature_blocked', 'feature_unblocked', 'feature_reopened', 'step_checked', 'claim_taken', 'claim_expired',
  'claim_taken_over', 'claim_released']);

// The query the table should show. Set when a request starts, so that a live refresh arriving while a
// filter request is in flight asks for the new filters, not the old ones.
let wanted = location.search.replace(/^\?/, '');
let requestSeq = 0;

/** The form's state as a query string; defaults are left out so that URLs stay short. */
function queryFromForm() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const v = String(value).trim();
    if (v === '') continue;
    if ((name === 'sort' && v === 'number') || (name === 'dir' && v === 'asc') || (name === 'size' && v === '50')) continue;
    params.set(name, v);
  }
  return params.toString();
}

/** Puts a query's values into the form (after back/forward, or a header sort). */
function syncForm(query, { text }) {
  const params = new URLSearchParams(query);
  for (const name of ['status', 'category', 'kind', 'size', 'sort', 'dir']) {
    const field = form.elements[name];
    if (!field) continue;
    const fallback = { size: '50', sort: 'number', dir: 'asc' }[name] ?? '';
    const value = params.get(name) ?? fallback;
    if (field.tagName === 'SELECT' && ![...field.options].some((o) => o.value === value)) {
      field.add(new Option(value.replaceAll('_', ' ').replaceAll(',', ', '), value)); // a combination the URL asked for
    }
    field.value = value;
  }
  if (text) form.elements.q.value = params.get('q') ?? '';
}

/** Copies the fresh results in, keeping the <tr> of every feature still shown (so it updates in place). */
function reconcile(current, fresh) {
  const kept = new Map([...current.querySelectorAll('tr[data-feature]')].map((row) => [row.dataset.feature, row]));
  for (const row of [...fresh.querySelectorAll('tr[data-feature]')]) {
    const existing = kept.get(row.dataset.feature);
    if (!existing) continue;
    const changed = existing.dataset.version !== row.dataset.version;
    for (const attr of row.attributes) existing.setAttribute(attr.name, attr.value);
    existing.replaceChildren(...row.childNodes);
    row.replaceWith(existing);
    if (changed) flash(existing);
  }
  current.replaceWith(fresh);
}

function flash(row) {
  row.classList.remove('changed');
  void row.offsetWidth; // restart the animation when a row changes twice in a row
  row.classList.add('changed');
}

/** Fetches and shows the results for `query`; `history` is 'push', 'replace' or null (live refresh). */
async function show(query, history) {
  wanted = query;
  const seq = ++requestSeq;
  document.body.classList.add('table-loading');
  let content;
  try {
    content = await fragment(`${resultsUrl}${query ? `?${query}` : ''}`);
  } catch (err) {
    if (seq === requestSeq) {
      document.body.classList.remove('table-loading');
      toast(`Could not load the table: ${err.message}`);
    }
    return;
  }
  if (seq !== requestSeq) return; // a newer request superseded this one
  document.body.classList.remove('table-loading');
  const fresh = content.querySelector('#table-results');
  const current = document.getElementById('table-results');
  if (!fresh || !current) return;
  reconcile(current, fresh);
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (history === 'push') window.history.pushState(null, '', url);
  if (history === 'replace') window.history.replaceState(null, '', url);
}

const applyFilters = () => show(queryFromForm(), 'replace');
const applyTyping = debounce(applyFilters, 250);
const refreshLive = debounce(() => show(wanted, null), 200);

if (form && resultsUrl) {
  form.addEventListener('input', (e) => {
    if (e.target.name === 'q') applyTyping(); // typing: wait for a pause
  });
  form.addEventListener('change', (e) => {
    if (e.target.tagName === 'SELECT') applyFilters();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });
  document.getElementById('filter-clear')?.addEventListener('click', (e) => {
    e.preventDefault();
    syncForm('', { text: true });
    applyFilters();
  });

  // Sort headers and pager links: same results in place, and a history entry (back undoes a sort).
  document.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-table-nav]');
    if (link) {
      e.preventDefault();
      const query = new URL(link.href).search.replace(/^\?/, '');
      syncForm(query, { text: false });
      show(query, 'push');
      return;
    }
    // A click anywhere on a row (but on no link or button) opens the feature's detail panel.
    const row = e.target.closest('#feature-table tr[data-feature]');
    if (row && !e.target.closest('a, button, input')) openPanel(row.dataset.feature);
  });
  document.addEventListener('keydown', (e) => {
    const row = e.target.closest?.('#feature-table tr[data-feature]');
    if (row && e.key === 'Enter') openPanel(row.dataset.feature);
  });

  window.addEventListener('popstate', () => {
    const query = location.search.replace(/^\?/, '');
    syncForm(query, { text: true });
    show(query, null);
  });

  onEvent((e) => { if (TABLE_EVENTS.has(e.type)) refreshLive(); });
}
