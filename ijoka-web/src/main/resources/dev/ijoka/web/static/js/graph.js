// The Graph view: the project's dependency graph from /api/projects/{p}/graph, drawn by cytoscape, coloured by
// status, the critical path and ready features marked. A big plan is drawn in part by default: the features in
// progress and the ready ones (the best-ranked of each), their direct neighbours and the critical path (the API's ?focus=), with a
// line saying what is shown and what is left out; the whole plan is drawn on request. The layout runs in a Web
// Worker (graph-worker.js), so the page never freezes, and is redone only when the drawn set changes. Clicking a
// node opens the detail panel; the search box highlights features; the status boxes (kept in the URL as ?status=)
// choose what is drawn. Live events re-fetch the graph and update it in place, keeping the viewport.
import { get, toast, debounce } from './api.js';
import { onEvent } from './live.js';
import { openPanel } from './layout.js';

const NODE = { width: 176, height: 52 };
/** Features in progress, and ready ones, the default drawing shows: the best-ranked of each, as `next` hands them out. */
const READY_SHOWN = 100;
/** A plan this small is drawn whole from the start: the part that matters would be most of it. */
const SMALL_PLAN = 300;
/**
 * Above this many drawn features the cheaper look: boxes without text until zoomed in far enough to read it, straight
 * edges without arrows, WebGL where the browser has it. Fitted to a screen, a few hundred boxes are too small to read
 * anyway, and measuring and drawing their texts was most of a first drawing's time (1,157 features: 1.8 s to fit).
 */
const BIG_DRAWING = 400;
const STATUSES = ['pending', 'in_progress', 'blocked', 'complete'];
const GRAPH_EVENTS = new Set(['feature_created', 'feature_updated', 'feature_started', 'feature_completed',
  'feature_blocked', 'feature_unblocked', 'feature_reopened', 'dependency_added', 'dependency_removed']);

const container = document.getElementById('graph');
const searchBox = document.getElementById('graph-search');
const searchResult = document.getElementById('graph-search-result');
const notice = document.getElementById('graph-notice');
const scopeText = document.getElementById('graph-scope-text');
const scopeToggle = document.getElementById('graph-scope-toggle');

let cy = null;
let cyBig = false; // whether cy was made for a big drawing (WebGL, cheap edges)
let data = null; // the last answer of the API
let whole = false; // the whole plan, or only the part that matters
let drawnKey = null; // what the drawn layout was computed from: a new one is needed when it changes
let pendingKey = null; // what the worker is laying out now
let request = 0;
let matchIndex = -1;
let direction = null; // 'TB' or 'LR'; chosen by size unless the URL or the button says
const worker = new Worker('/static/js/graph-worker.js');

// --- what is drawn -----------------------------------------------------------------------------
function statusBox(status) {
  return document.getElementById(`graph-status-${status}`);
}

function shownStatuses() {
  return new Set(STATUSES.filter((s) => statusBox(s)?.checked));
}

/** Keeps the status filter, the search and the scope in the URL, so the view can be shared or reloaded as is. */
function rememberInUrl() {
  const url = new URL(location.href);
  const shown = shownStatuses();
  if (shown.size === STATUSES.length) url.searchParams.delete('status');
  else url.searchParams.set('status', [...shown].join(','));
  if (direction) url.searchParams.set('dir', direction.toLowerCase());
  if (searchBox.value.trim()) url.searchParams.set('q', searchBox.value.trim());
  else url.searchParams.delete('q');
  if (whole) url.searchParams.set('all', '1');
  else url.searchParams.delete('all');
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

/**
 * The style sheet. A big drawing (thousands of features) is drawn cheaply: plain boxes without text until zoomed in
 * far enough to read it (`labels`), straight edges without arrows; measuring thousands of labels alone takes seconds.
 */
function style(big, labels = !big) {
  const c = colours();
  return [
    { selector: 'node', style: {
      shape: big ? 'rectangle' : 'round-rectangle', width: NODE.width, height: NODE.height,
      'background-color': c.pending,
      ...(labels ? { label: 'data(label)', color: '#fff', 'font-size': 13, 'text-wrap': 'wrap',
        'text-max-width': NODE.width - 12, 'text-valign': 'center', 'text-halign': 'center', 'min-zoomed-font-size': 5 } : {}),
      'border-width': big ? 0 : 1, 'border-color': c.fg, 'border-opacity': 0.25 } },
    { selector: 'node.in_progress', style: { 'background-color': c.in_progress } },
    { selector: 'node.blocked', style: { 'background-color': c.blocked } },
    { selector: 'node.complete', style: { 'background-color': c.complete, 'background-opacity': 0.55 } },
    { selector: 'node.ready', style: { 'border-width': big ? 8 : 4, 'border-color': c.ready, 'border-opacity': 1 } },
    { selector: 'node.critical', style: big ? { 'border-width': 10, 'border-color': c.critical, 'border-opacity': 1 } : {
      'underlay-color': c.critical, 'underlay-padding': 7, 'underlay-opacity': 0.6, 'underlay-shape': 'round-rectangle' } },
    { selector: 'edge', style: big ? {
      width: 1.5, 'curve-style': 'haystack', 'haystack-radius': 0, 'line-color': c.line, 'line-opacity': 0.45 } : {
      width: 1.5, 'curve-style': 'bezier', 'line-color': c.line, 'line-opacity': 0.7,
      'target-arrow-shape': 'triangle', 'target-arrow-color': c.line, 'arrow-scale': 0.9 } },
    { selector: 'edge.related', style: big ? { 'line-opacity': 0.2 }
      : { 'line-style': 'dashed', 'target-arrow-shape': 'none', width: 1 } },
    { selector: 'edge.critical', style: {
      width: big ? 6 : 4, 'line-color': c.critical, 'target-arrow-color': c.critical, 'line-opacity': 1, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15, 'underlay-opacity': 0.08 } },
    { selector: 'node.match', style: { 'border-width': big ? 12 : 5, 'border-color': c.accent, 'border-opacity': 1, 'z-index': 20 } },
    { selector: 'node.focus', style: { 'overlay-color': c.accent, 'overlay-opacity': 0.25, 'overlay-padding': 8 } },
  ];
}

/** A big drawing shows its texts once zoomed in this far (a box is then about 80 pixels wide). */
const LABEL_ZOOM = 0.45;
let labelled = false;

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

/**
 * WebGL 2 drawn by the graphics card. A software WebGL (SwiftShader, llvmpipe: a machine or a headless browser
 * without a GPU) is far slower than cytoscape's canvas: measured, 100 s against 5 s for 4,500 features.
 */
function webglAvailable() {
  // ?webgl=0 in the address turns it off, for a browser whose WebGL draws wrongly or slowly.
  if (new URLSearchParams(location.search).get('webgl') === '0') return false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    return !/swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

/** (Re)creates cytoscape; a big drawing gets the WebGL renderer where the browser has WebGL 2. */
function createCy(big) {
  if (cy) cy.destroy();
  cyBig = big;
  const webgl = big && webglAvailable();
  container.dataset.renderer = webgl ? 'webgl' : 'canvas';
  cy = cytoscape({
    container, style: style(big), layout: { name: 'preset' },
    minZoom: 0.01, maxZoom: 3, boxSelectionEnabled: false, autoungrabify: true,
    // Big graphs: draw a cached bitmap while panning and zooming instead of every label.
    textureOnViewport: true, hideEdgesOnViewport: big,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  });
  cy.on('tap', 'node', (e) => openPanel(e.target.id()));
  cy.on('mouseover', 'node', (e) => {
    const d = e.target.data();
    container.title = `${d.ref} ${d.description} (${d.status.replace('_', ' ')})`;
    container.style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node', () => { container.title = ''; container.style.cursor = ''; });
  labelled = !big;
  if (big) {
    cy.on('zoom', debounce(() => {
      const want = cy.zoom() >= LABEL_ZOOM;
      if (want !== labelled) { labelled = want; cy.style(style(true, want)); }
    }, 150));
  }
  drawnKey = null;
}

// Follow the page's light or dark scheme.
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => cy && cy.style(style(cyBig, labelled)));

function setState(state, text) {
  container.dataset.state = state;
  notice.hidden = !text;
  document.getElementById('graph-notice-text').textContent = text ?? '';
}

const number = (n) => n.toLocaleString('en');

/** The line over the drawing: what is shown, what is left out, and the button to change that. */
function showScope() {
  const f = data.focus;
  if (!f || data.nodes.length >= data.total) {
    scopeText.textContent = `All ${number(data.total)} features.`;
    scopeToggle.textContent = 'Show only what matters';
    scopeToggle.hidden = !whole || data.total <= SMALL_PLAN;
  } else {
    const best = (shown, all) => (shown < all ? ` (the ${number(shown)} best-ranked of ${number(all)})` : '');
    const path = f.criticalPathShown < f.criticalPath
      ? ` (its first ${number(f.criticalPathShown)} steps of ${number(f.criticalPath)})` : '';
    scopeText.textContent = `${number(data.nodes.length)} of ${number(data.total)} features: `
      + `in progress${best(f.inProgressShown, f.inProgress)}, ready${best(f.readyShown, f.ready)}, `
      + `their neighbours, the critical path${path} ·`;
    scopeToggle.textContent = 'Show the whole plan';
    scopeToggle.hidden = false;
  }
  container.dataset.scope = whole ? 'whole' : 'focus';
}

/** Draws (or updates) the graph from `data` with the current status filter. */
function render() {
  const shown = shownStatuses();
  const nodes = data.nodes.filter((n) => shown.has(n.status));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  container.dataset.nodeCount = nodes.length;
  container.dataset.edgeCount = edges.length;
  showScope();
  if (!nodes.length) {
    if (cy) cy.elements().remove();
    drawnKey = null;
    pendingKey = null;
    setState('empty', data.nodes.length ? 'No feature has the statuses chosen above.'
      : 'This project has no features yet.');
    updateLists();
    return;
  }
  const big = nodes.length > BIG_DRAWING;
  if (!cy || big !== cyBig) createCy(big);
  const dir = currentDirection(nodes.length);
  // Only a change of the drawn set lays out again: a status change recolours in place (a feature without
  // dependencies keeps its place in the grid until the next layout, though the grid is sorted by status).
  const key = JSON.stringify([dir, nodes.map((n) => n.id).sort(), edges.map((e) => `${e.from}>${e.to}:${e.kind}`).sort()]);
  if (key === drawnKey) {
    // The same features and edges: only colours and texts change, in place, with no new layout.
    cy.batch(() => {
      for (const el of [...nodes.map(nodeElement), ...edges.map(edgeElement)]) {
        const existing = cy.getElementById(el.data.id);
        existing.data(el.data);
        existing.classes(el.classes);
      }
    });
    pendingKey = null;
    setState('drawn', null);
    updateLists();
    applySearch(false);
    return;
  }
  if (key === pendingKey) return;
  pendingKey = key;
  const mine = ++request;
  const started = performance.now();
  if (drawnKey === null) setState('laying-out', `Laying out ${number(nodes.length)} features…`);
  worker.onmessage = (m) => {
    const answer = m.data;
    if (answer.request !== mine) return; // an older layout, overtaken by a newer one
    if (answer.type === 'progress') {
      if (container.dataset.state === 'laying-out') {
        setState('laying-out', `Laying out ${number(nodes.length)} features… (${answer.step} done)`);
      }
    } else if (answer.type === 'error') {
      pendingKey = null;
      setState('error', `The layout failed: ${answer.message}`);
    } else {
      pendingKey = null;
      draw(nodes, edges, answer, key, started);
    }
  };
  worker.postMessage({ nodes: nodes.map(({ id, number: n, status }) => ({ id, number: n, status })),
    edges: edges.map(({ from, to, kind }) => ({ from, to, kind })), size: NODE, direction: dir,
    dagre: container.dataset.dagre, request: mine });
}

/** Puts the laid-out elements on the canvas in one batch. */
function draw(nodes, edges, answer, key, started) {
  const first = drawnKey === null;
  const at = new Map();
  answer.ids.forEach((id, i) => at.set(id, { x: answer.xy[2 * i], y: answer.xy[2 * i + 1] }));
  container.dataset.laidOutAt = Math.round(performance.now());
  cy.batch(() => {
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => `${e.to}>${e.from}`)]);
    cy.elements().filter((el) => !wanted.has(el.id())).remove();
    const added = [];
    for (const n of nodes) {
      const el = nodeElement(n);
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) {
        existing.data(el.data);
        existing.classes(el.classes);
        existing.position(at.get(n.id));
      } else {
        added.push({ ...el, position: at.get(n.id) });
      }
    }
    for (const e of edges) {
      const el = edgeElement(e);
      const existing = cy.getElementById(el.data.id);
      if (existing.nonempty()) existing.classes(el.classes);
      else added.push(el);
    }
    cy.add(added);
  });
  drawnKey = key;
  container.dataset.addedAt = Math.round(performance.now());
  setState('drawn', null);
  showDirection();
  if (first) fit();
  container.dataset.fittedAt = Math.round(performance.now());
  applySearch(false);
  // The lists beside the drawing (and the drawn nodes' list for screen readers: a thousand items and more) are
  // filled after the drawing's frame, so that their DOM and its layout do not hold the drawing back.
  requestAnimationFrame(() => setTimeout(() => {
    // For the benchmark and the tests: when the frame with this drawing was done, and how long the layout took.
    container.dataset.drawnAt = Math.round(performance.now());
    container.dataset.drawMs = Math.round(performance.now() - started);
    container.dataset.layoutMs = Math.round(answer.ms);
    container.dataset.drawings = Number(container.dataset.drawings || 0) + 1;
    updateLists();
    container.dataset.listedAt = Math.round(performance.now());
  }));
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
  if (data) { drawnKey = null; render(); }
  showDirection();
});

function fit() {
  if (cyBig) {
    // cytoscape's fit measures every element (and its label); the boxes' centres are known, so the extent is too.
    let x1 = Infinity; let y1 = Infinity; let x2 = -Infinity; let y2 = -Infinity;
    cy.nodes().forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y);
    });
    x1 -= NODE.width / 2; x2 += NODE.width / 2; y1 -= NODE.height / 2; y2 += NODE.height / 2;
    const w = container.clientWidth - 60;
    const h = container.clientHeight - 60;
    const zoom = Math.min(1.2, w / (x2 - x1), h / (y2 - y1));
    cy.viewport({ zoom, pan: { x: container.clientWidth / 2 - zoom * (x1 + x2) / 2,
      y: container.clientHeight / 2 - zoom * (y1 + y2) / 2 } });
    return;
  }
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
  // A focused drawing holds the path's first steps only: say how long it is.
  const more = document.getElementById('graph-critical-more');
  const length = data.focus ? data.focus.criticalPath : data.criticalPath.length;
  more.hidden = path.length >= length;
  more.textContent = more.hidden ? '' : `The first ${number(path.length)} steps of ${number(length)}.`;
  const ready = data.nodes.filter((n) => n.ready).sort((a, b) => (b.priority - a.priority) || (a.number - b.number));
  document.getElementById('graph-ready').replaceChildren(...ready.slice(0, 20).map((n) => featureItem(n, false)));
  document.getElementById('graph-ready-empty').hidden = ready.length > 0;
  // A focused drawing holds only the best-ranked ready features: the count is the plan's.
  document.getElementById('graph-ready-count').textContent = data.focus ? data.focus.ready : ready.length;
  for (const s of STATUSES) {
    const count = document.querySelector(`[data-legend-status="${s}"]`);
    if (count) count.textContent = data.nodes.filter((n) => n.status === s).length;
  }
  // The accessible mirror of the canvas: every drawn node, in number order.
  if (!cy) return;
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
  if (!cy) return;
  cy.elements().removeClass('faded match focus');
  container.dataset.highlight = '';
  const all = matchesOf(searchBox.value);
  if (!searchBox.value.trim()) {
    searchResult.textContent = '';
    return;
  }
  const drawn = all.filter((n) => cy.getElementById(n.id).nonempty());
  const hidden = all.length - drawn.length;
  const outside = data.nodes.length < data.total ? ` among the ${number(data.nodes.length)} drawn; show the whole plan to search all` : '';
  searchResult.textContent = (all.length === 0 ? 'no match'
    : `${drawn.length} match${drawn.length === 1 ? '' : 'es'}`) + (hidden ? `, ${hidden} hidden by the status filter` : '')
    + outside;
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
  rememberInUrl();
  if (data) render();
});
scopeToggle.addEventListener('click', () => {
  whole = !whole;
  rememberInUrl();
  drawnKey = null;
  load();
});
document.getElementById('graph-fit').addEventListener('click', () => cy && fit());
const zoomBy = (factor) => cy && cy.zoom({ level: cy.zoom() * factor,
  renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
document.getElementById('graph-zoom-in').addEventListener('click', () => zoomBy(1.25));
document.getElementById('graph-zoom-out').addEventListener('click', () => zoomBy(0.8));

// --- data --------------------------------------------------------------------------------------
/** The whole plan, or the part that matters; a small plan is always drawn whole. */
async function fetchGraph() {
  const url = container.dataset.url;
  if (whole) return get(url);
  const part = await get(`${url}?focus=${READY_SHOWN}`);
  return part.total <= SMALL_PLAN && part.nodes.length < part.total ? get(url) : part;
}

let loading = null;
async function load() {
  if (loading) { loading.again = true; return; }
  loading = { again: false };
  try {
    if (drawnKey === null) setState('loading', whole ? `Loading the whole plan…` : null);
    data = await fetchGraph();
    container.dataset.fetchedAt = Math.round(performance.now());
    render();
  } catch (err) {
    setState('error', `Could not load the graph: ${err.message}`);
  } finally {
    const again = loading.again;
    loading = null;
    if (again) load();
  }
}

const reload = debounce(load, 200);
onEvent((e) => { if (GRAPH_EVENTS.has(e.type)) reload(); });

function init() {
  if (typeof cytoscape === 'undefined') {
    setState('error', 'The graph library did not load; the lists below still show the critical path and what is ready.');
    return;
  }
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('status');
  searchBox.value = params.get('q') ?? '';
  whole = params.get('all') === '1';
  if (['tb', 'lr'].includes(params.get('dir'))) direction = params.get('dir').toUpperCase();
  if (fromUrl) {
    const wanted = new Set(fromUrl.split(','));
    STATUSES.forEach((s) => { statusBox(s).checked = wanted.has(s); });
  }
  load();
}

try {
  init();
} catch (err) {
  toast(`The graph failed: ${err.message}`);
}
