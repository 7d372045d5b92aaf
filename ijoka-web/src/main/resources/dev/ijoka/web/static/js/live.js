// Live updates: one EventSource per page on /api/stream. Every engine event of the project arrives
// as a named SSE event (its type); views register with onEvent(). The browser reconnects by itself
// and sends Last-Event-ID, so the server replays what the page missed.
import { meta } from './api.js';

const listeners = new Set();
let source = null;

/** Calls fn(event) for every event of the project; event = {sequence, type, feature, session, at, payload}. */
export function onEvent(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setState(state) {
  const el = document.getElementById('live-state');
  if (el) {
    el.dataset.state = state;
    el.title = state === 'live' ? 'live: changes appear as they happen' : 'reconnecting to live updates…';
  }
  document.body.dataset.live = state;
}

function dispatch(type, message) {
  let event;
  try { event = JSON.parse(message.data); } catch { return; }
  for (const fn of listeners) {
    try { fn(event); } catch (err) { console.error('ijoka: a live-update handler failed', err); }
  }
}

export function connect() {
  const project = meta('ijoka-project');
  if (!project || source) return;
  source = new EventSource(`/api/stream?project=${encodeURIComponent(project)}`);
  for (const type of meta('ijoka-event-types').split(',')) {
    if (type) source.addEventListener(type, (m) => dispatch(type, m));
  }
  source.addEventListener('ready', () => setState('live'));
  source.addEventListener('reload', () => location.reload()); // too far behind to replay
  source.onopen = () => setState('live');
  source.onerror = () => setState('reconnecting');
}

connect();
