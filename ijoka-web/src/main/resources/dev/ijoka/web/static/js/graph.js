// The Graph view: the project's dependency graph from /api/projects/{p}/graph, drawn by cytoscape
// with a layered layout (graph-layout.js), coloured by status, the critical path and ready features
// marked. Clicking a node opens the detail panel; the search box highlights features; the status
// boxes (kept in the URL as ?status=) choose what is drawn. Live events re-fetch the graph and
// update it in place, keeping the viewport.
import { get, toast, debounce } from './api.js';
import { onEvent } from './live.js';
import { openPanel } from './layout.js';
import { layout } from './graph-layout.js';

/** Above this many drawn features the page asks before drawing: layout and canvas get slow. */
const DRAW_LIMIT = 600;
const NODE = { width: 176, height: 52 };
const STATUSES = ['pending', 'in_progress', 'blocked', 'complete'];
const GRAPH_EVENTS = new Set(['feature_created', 'feature_updated', 'feature_started', 'feature_completed',
  'feature_blocked', 'feature_unblocked', 'feature_reopened', 'dependency_added', 'dependency_removed']);

const container = document.getElementById('graph');
const searchBox = document.getElementById('graph-search');
const searchResult = document.getElementById('graph-search-result');
const notice = document.getElementById('graph-notice');
const drawAnyway = document.getElementById('graph-draw-anyway');

let cy = null;
let data = null; // the last answer of the API
let drawnKey = null; // what the drawn layout was computed from: a new one is needed when it changes
let anyway = false;
let matchIndex = -1;
let direction = null; // 'TB' or 'LR'; chosen by size unless the URL or the button says

// --- what is drawn -----------------------------------------------------------------------------
function statusBox(status) {
  return document.getElementById(`graph-status-${status}`);
}

function shownStatuses() {
  return new Set(STATUSES.filter((s) => statusBox(s)?.checked));
}

/** Keeps the status filter and the search in the URL, so the view can be shared or reloaded as is. */
function rememberInUrl() {
  const url = new URL(location.href);
  const shown = shownStatuses();
  if (shown.size === STATUSES.length) url.searchParams.delete('status');
  else url.searchParams.set('status', [...shown].join(','));
  if (direction) url.searchParams.set('dir', direction.toLowerCase());
  if (searchBox.value.trim()) url.searchParams.set('q', searchBox.value.trim());
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

function shortText(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function colours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    pending: v('--pending', '#8a94a6'), in_progress: v('--in_progress', '#3a6fd8'),
    blocked: v('--blocked', '#d0563b'), complete: v('--complete', '#2e9d5b'),
    ready: v('--ready', '#e3a008'), critical: v('--critical', '#e8590c'),
    line: v('--muted', '#6b7384'), accent: v('--accent', '#3a6fd8'), fg: v('--fg', '#1d2330'),
  };
}

function style() {
  const c = colours();
  return [
    { selector: 'node', style: {
      shape: 'round-rectangle', width: NODE.width, height: NODE.height,
      'background-color': c.pending,
      label: 'data(label)', color: '#fff', 'font-size': 13, 'text-wrap': 'wrap',
      'text-max-width': NODE.width - 12, 'text-valign': 'center', 'text-halign': 'center',
      'min-zoomed-font-size': 5, 'border-width': 1, 'border-color': c.fg, 'border-opacity': 0.25 } },
    { selector: 'node.in_progress', style: { 'background-color': c.in_progress } },
    { selector: 'node.blocked', style: { 'background-color': c.blocked } },
    { selector: 'node.complete', style: { 'background-color': c.complete, 'background-opacity': 0.55 } },
    { selector: 'node.ready', style: { 'border-width': 4, 'border-color': c.ready, 'border-opacity': 1 } },
    { selector: 'node.critical', style: {
      'underlay-color': c.critical, 'underlay-padding': 7, 'underlay-opacity': 0.6, 'underlay-shape': 'round-rectangle' } },
    { selector: 'edge', style: {
      width: 1.5, 'curve-style': 'bezier', 'line-color': c.line, 'line-opacity': 0.7,
      'target-arrow-shape': 'triangle', 'target-arrow-color': c.line, 'arrow-scale': 0.9 } },
    { selector: 'edge.related', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', width: 1 } },
    { selector: 'edge.critical', style: {
      width: 4, 'line-color': c.critical, 'target-arrow-color': c.critical, 'line-opacity': 1, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15, 'underlay-opacity': 0.08 } },
    { selector: 'node.match', style: { 'border-width': 5, 'border-color': c.accent, 'border-opacity': 1, 'z-index': 20 } },
    { selector: 'node.focus', style: { 'overlay-color': c.accent, 'overlay-opacity': 0.25, 'overlay-padding': 8 } },
  ];
}

function nodeElement(n) {
  const classes = [n.status];
  if (n.ready) classes.push('ready');
  if (n.onCriticalPath) classes.push('critical');
  return {
    group: 'nodes', classes,
    data: { id: n.id, status: n.status, ref: n.ref, description: n.description, number: n.number,
      label: `${n.ref}  ${shortText(n.description, 44)}` },
  };
}

function edgeElement(e) {
  const classes = [e.kind];
  if (e.onCriticalPath) classes.push('critical');
  // Drawn from the dependency to its dependent, as laid out: the arrow says "this enables that".
  return { group: 'edges', classes, data: { id: `${e.to}>${e.from}`, source: e.to, target: e.from } };
}

function createCy() {
  cy = cytoscape({
    container, style: style(), layout: { name: 'preset' },
    minZoom: 0.05, maxZoom: 3, boxSelectionEnabled: false, autoungrabify: true,
    // Big graphs: draw a cached bitmap while panning and zooming instead of every label.
    textureOnViewport: true, hideEdgesOnViewport: false,
  });
  cy.on('tap', 'node', (e) => openPanel(e.target.id()));
  cy.on('mouseover', 'node', (e) => {
    const d = e.target.data();
    container.title = `${d.ref} ${d.description} (${d.status.replace('_', ' ')})`;
    container.style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node', () => { container.title = ''; container.style.cursor = ''; });
  // Follow the page's light or dark scheme.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => cy.style(style()));
}

function setState(state, text) {
  container.dataset.state = state;
  notice.hidden = !text;
  document.getElementById('graph-notice-text').textContent = text ?? '';
  drawAnyway.hidden = state !== 'too-large';
}

/** Draws (or updates) the graph from `data` with the current status filter. */
function render() {
  const shown = shownStatuses();
  const nodes = data.nodes.filter((n) => shown.has(n.status));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  container.dataset.nodeCount = nodes.length;
  container.dataset.edgeCount = edges.length;
  if (nodes.length > DRAW_LIMIT && !anyway) {
    cy.elements().remove();
    drawnKey = null;
    setState('too-large', `${nodes.length} features match the status filter: drawing more than ${DRAW_LIMIT} `
      + 'at once makes this page slow. Hide some statuses above, find a feature with the search box, or');
    return;
  }
  if (!nodes.length) {
    cy.elements().remove();
    drawnKey = null;
    setState('empty', data.nodes.length ? 'No feature has the statuses chosen above.'
      : 'This project has no features yet.');
    return;
  }
  setState('drawn', null);
  const key = JSON.stringify([currentDirection(nodes.length), nodes.map((n) => n.id).sort(), edges.map((e) => `${e.from}>${e.to}:${e.kind}`).sort(),
    // Grid order depends on status, so a status change of a feature without dependencies moves it.
    nodes.map((n) => n.status)]);
  const first = cy.elements().empty();
  cy.batch(() => {
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => `${e.to}>${e.from}`)]);
    cy.elements().filter((el) => !wanted.has(el.id())).remove();
    for (const el of [...nodes.map(nodeElement), ...edges.map(edgeElement)]) {
      const existing = cy.getElementById(el.data.id);
      if (existing.nonempty()) {
        existing.data(el.data);
        existing.classes(el.classes);
      } else {
        cy.add(el);
      }
    }
    if (key !== drawnKey) {
      const positions = layout(nodes, edges, NODE, currentDirection(nodes.length));
      cy.nodes().forEach((n) => { const p = positions.get(n.id()); if (p) n.position(p); });
    }
  });
  drawnKey = key;
  showDirection();
  if (first) fit();
  applySearch(false);
}

/**
 * Big plans have wide layers: top-down they make a long thin strip, left-right a shape closer to the
 * screen's. Small ones read better top-down.
 */
function currentDirection(count) {
  return direction ?? (count > 150 ? 'LR' : 'TB');
}

const directionButton = document.getElementById('graph-direction');
function showDirection() {
  const d = currentDirection(Number(container.dataset.nodeCount || 0));
  directionButton.textContent = d === 'TB' ? 'Left to right' : 'Top down';
  directionButton.dataset.direction = d;
}
directionButton.addEventListener('click', () => {
  direction = currentDirection(Number(container.dataset.nodeCount || 0)) === 'TB' ? 'LR' : 'TB';
  rememberInUrl();
  if (data) { render(); fit(); }
  showDirection();
});

function fit() {
  cy.fit(undefined, 30);
  // A handful of features would otherwise be blown up to fill the screen.
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

// --- lists and counts beside the drawing (rebuilt with textContent: feature text stays text) -------
function featureItem(n, withStatus) {
  const li = document.createElement('li');
  li.dataset.nodeId = n.id;
  const a = document.createElement('a');
  a.href = '#';
  a.dataset.openFeature = '';
  a.dataset.id = n.id;
  a.textContent = n.ref;
  const text = document.createElement('span');
  text.textContent = n.description;
  li.append(a, ' ', text);
  if (withStatus) {
    const s = document.createElement('span');
    s.className = `status ${n.status}`;
    s.textContent = n.status.replace('_', ' ');
    li.append(' ', s);
  }
  return li;
}

function updateLists() {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const path = data.criticalPath.map((id) => byId.get(id)).filter(Boolean);
  document.getElementById('graph-critical-path').replaceChildren(...path.map((n) => featureItem(n, true)));
  document.getElementById('graph-critical-empty').hidden = path.length > 0;
  const ready = data.nodes.filter((n) => n.ready).sort((a, b) => (b.priority - a.priority) || (a.number - b.number));
  document.getElementById('graph-ready').replaceChildren(...ready.slice(0, 20).map((n) => featureItem(n, false)));
  document.getElementById('graph-ready-empty').hidden = ready.length > 0;
  document.getElementById('graph-ready-count').textContent = ready.length;
  for (const s of STATUSES) {
    const count = document.querySelector(`[data-legend-status="${s}"]`);
    if (count) count.textContent = data.nodes.filter((n) => n.status === s).length;
  }
  // The accessible mirror of the canvas: every drawn node, in number order.
  const drawn = cy.nodes().map((n) => byId.get(n.id())).filter(Boolean).sort((a, b) => a.number - b.number);
  document.getElementById('graph-nodes').replaceChildren(...drawn.map((n) => {
    const li = featureItem(n, true);
    li.dataset.status = n.status;
    li.dataset.ready = n.ready;
    li.dataset.critical = n.onCriticalPath;
    return li;
  }));
}

// --- search ------------------------------------------------------------------------------------
function matchesOf(query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const number = /^#?(\d+)$/.exec(q);
  if (number) return data.nodes.filter((n) => n.number === Number(number[1]));
  const words = q.split(/\s+/);
  return data.nodes.filter((n) => words.every((w) => n.description.toLowerCase().includes(w)));
}

/** Highlights the matches (fading the rest); with `step`, centres the next one. */
function applySearch(step) {
  cy.elements().removeClass('faded match focus');
  container.dataset.highlight = '';
  const all = matchesOf(searchBox.value);
  if (!searchBox.value.trim()) {
    searchResult.textContent = '';
    return;
  }
  const drawn = all.filter((n) => cy.getElementById(n.id).nonempty());
  const hidden = all.length - drawn.length;
  searchResult.textContent = (all.length === 0 ? 'no match'
    : `${drawn.length} match${drawn.length === 1 ? '' : 'es'}`) + (hidden ? `, ${hidden} hidden by the status filter` : '');
  if (!drawn.length) return;
  const matched = cy.collection(drawn.map((n) => cy.getElementById(n.id)));
  cy.elements().not(matched).not(matched.connectedEdges()).addClass('faded');
  matched.addClass('match');
  if (step) {
    matchIndex = (matchIndex + 1) % drawn.length;
    const node = cy.getElementById(drawn[matchIndex].id);
    node.addClass('focus');
    container.dataset.highlight = node.id();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  }
}

document.getElementById('graph-search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (cy && data) applySearch(true);
});
searchBox.addEventListener('input', debounce(() => {
  matchIndex = -1;
  rememberInUrl();
  if (cy && data) applySearch(false);
}, 120));
searchBox.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { searchBox.value = ''; rememberInUrl(); applySearch(false); }
});

// --- controls ----------------------------------------------------------------------------------
document.getElementById('graph-status-filter').addEventListener('change', () => {
  anyway = false;
  rememberInUrl();
  if (data) { render(); updateLists(); }
});
drawAnyway.addEventListener('click', () => { anyway = true; render(); updateLists(); fit(); });
document.getElementById('graph-fit').addEventListener('click', () => cy && fit());
const zoomBy = (factor) => cy && cy.zoom({ level: cy.zoom() * factor,
  renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
document.getElementById('graph-zoom-in').addEventListener('click', () => zoomBy(1.25));
document.getElementById('graph-zoom-out').addEventListener('click', () => zoomBy(0.8));

// --- data --------------------------------------------------------------------------------------
async function load() {
  try {
    data = await get(container.dataset.url);
  } catch (err) {
    setState('error', `Could not load the graph: ${err.message}`);
    return;
  }
  render();
  updateLists();
}

const reload = debounce(load, 200);
onEvent((e) => { if (GRAPH_EVENTS.has(e.type)) reload(); });

async function init() {
  if (typeof cytoscape === 'undefined' || typeof dagre === 'undefined') {
    setState('error', 'The graph libraries did not load; the lists below still show the critical path and what is ready.');
    return;
  }
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('status');
  searchBox.value = params.get('q') ?? '';
  if (['tb', 'lr'].includes(params.get('dir'))) direction = params.get('dir').toUpperCase();
  createCy();
  data = await get(container.dataset.url).catch((err) => {
    setState('error', `Could not load the graph: ${err.message}`);
    return null;
  });
  if (!data) return;
  if (fromUrl) {
    const wanted = new Set(fromUrl.split(','));
    STATUSES.forEach((s) => { statusBox(s).checked = wanted.has(s); });
  } else if (data.nodes.length > DRAW_LIMIT) {
    // A big plan is mostly done work: leave complete features out first, and say so.
    statusBox('complete').checked = false;
    rememberInUrl();
    toast(`${data.nodes.length} features: complete ones are hidden; tick "complete" to show them.`, 'note');
  }
  render();
  updateLists();
}

init().catch((err) => toast(`The graph failed: ${err.message}`));
