// The Timeline: the server renders the event log grouped by session; this script submits the filter
// form on change, loads older pages by cursor, prepends live events that match the active filter and
// keeps times readable (relative, and the clock in the reader's zone). Every line it adds comes from
// the server's fragment /p/{p}/timeline/events, so feature text is always escaped by the template.
import { fragment, toast } from './api.js';
import { onEvent } from './live.js';

const root = document.getElementById('timeline');
const form = document.getElementById('timeline-filters');

// --- filters: a change applies at once; the URL (a GET form) is the shareable view --------------
form?.addEventListener('change', (e) => {
  if (e.target.matches('select')) form.requestSubmit();
});

/** The fragment's URL for the active filter (from the page's own URL) with the given cursor and size. */
function fragmentUrl(params) {
  const url = new URL(root.dataset.url, location.href);
  const page = new URLSearchParams(location.search);
  for (const name of ['type', 'session', 'feature']) {
    if (page.get(name)) url.searchParams.set(name, page.get(name));
  }
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

// --- merging runs of one session ---------------------------------------------------------------
/** A group's session; events without one (command line, dashboard, imports) have no attribute. */
const sessionOf = (group) => group?.dataset.session ?? '';

function groups() {
  return root.querySelectorAll(':scope > section.session-group');
}

/** Puts the fragment's groups before (newer) or after (older) what is shown, joining runs of one session. */
function merge(content, where) {
  const incoming = [...content.querySelectorAll('section.session-group')];
  if (where === 'top') {
    for (const group of incoming.reverse()) {
      const first = groups()[0];
      if (first && sessionOf(first) === sessionOf(group)) {
        first.querySelector('ol').prepend(...group.querySelector('ol').children);
        first.querySelector('header').replaceWith(group.querySelector('header')); // its span has grown
      } else {
        root.prepend(group);
      }
    }
  } else {
    for (const group of incoming) {
      const all = groups();
      const last = all[all.length - 1];
      if (last && sessionOf(last) === sessionOf(group)) {
        last.querySelector('ol').append(...group.querySelector('ol').children);
      } else {
        root.append(group);
      }
    }
  }
  document.getElementById('timeline-empty').hidden = root.querySelector('li.event') !== null;
  updateTimes(root);
}

// --- load older --------------------------------------------------------------------------------
const older = document.getElementById('timeline-older');
older?.addEventListener('click', async (e) => {
  e.preventDefault(); // without the script the link opens the older page itself
  older.setAttribute('aria-busy', 'true');
  try {
    const content = await fragment(fragmentUrl({ before: older.dataset.before }));
    const cursor = content.querySelector('.timeline-cursor');
    cursor?.remove();
    merge(content, 'bottom');
    const next = cursor?.dataset.nextBefore;
    if (next) {
      older.dataset.before = next;
      const href = new URL(older.href);
      href.searchParams.set('before', next);
      older.href = href;
    } else {
      older.remove();
    }
  } catch (err) {
    toast(`Could not load older events: ${err.message}`);
  } finally {
    older.removeAttribute('aria-busy');
  }
});

document.querySelector('[data-newest]')?.addEventListener('click', (e) => {
  e.preventDefault();
  const url = new URL(location.href);
  url.searchParams.delete('before');
  location.href = url;
});

// --- live --------------------------------------------------------------------------------------
const filterTypes = new Set((root?.dataset.filterTypes || '').split(',').filter(Boolean));

/** Whether a live event belongs in this view; the same test the server's query applies. */
function matches(e) {
  if (filterTypes.size && !filterTypes.has(e.type)) return false;
  if (root.dataset.filterSession && e.session !== root.dataset.filterSession) return false;
  if (root.dataset.filterFeatureId && e.feature !== root.dataset.filterFeatureId) return false;
  return true;
}

function newest() {
  const first = root.querySelector('li.event');
  return first ? Number(first.dataset.sequence) : 0;
}

// One command makes several events (started, claim taken...): gather them, then ask once for the
// newest `count` matching events and keep those not shown yet.
let arrived = [];
let timer = null;
async function prependArrived() {
  const batch = arrived;
  arrived = [];
  const top = Math.max(...batch.map((e) => e.sequence));
  try {
    const content = await fragment(fragmentUrl({ before: top + 1, limit: Math.min(batch.length, 500) }));
    content.querySelector('.timeline-cursor')?.remove();
    const shown = newest();
    content.querySelectorAll('li.event').forEach((li) => {
      if (Number(li.dataset.sequence) <= shown || document.getElementById(li.id)) li.remove();
    });
    content.querySelectorAll('section.session-group').forEach((g) => { if (!g.querySelector('li.event')) g.remove(); });
    content.querySelectorAll('li.event').forEach((li) => li.classList.add('arrived'));
    merge(content, 'top');
  } catch (err) {
    console.warn('ijoka: live timeline update failed', err);
  }
}

if (root && root.dataset.live === 'true') {
  onEvent((e) => {
    if (!matches(e)) return;
    arrived.push(e);
    clearTimeout(timer);
    timer = setTimeout(prependArrived, 60);
  });
}

// --- times -------------------------------------------------------------------------------------
const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** `12 s ago`, `5 min ago`, `3 h ago`, `2 d ago`: the same words the server starts with. */
function ago(date) {
  const s = Math.round((Date.now() - date.getTime()) / 1000);
  const a = Math.abs(s);
  const amount = a < 60 ? `${a} s` : a < 3600 ? `${Math.floor(a / 60)} min` : a < 86400 ? `${Math.floor(a / 3600)} h`
    : `${Math.floor(a / 86400)} d`;
  return s < 0 ? `in ${amount}` : `${amount} ago`;
}

function updateTimes(scope) {
  scope.querySelectorAll('time[data-relative]').forEach((t) => { t.textContent = ago(new Date(t.dateTime)); });
  scope.querySelectorAll('time[data-clock]:not([data-local])').forEach((t) => {
    t.textContent = clock.format(new Date(t.dateTime));
    t.dataset.local = '';
  });
}

if (root) {
  root.querySelector(':scope > .timeline-cursor')?.remove(); // the link below carries the page's cursor
  updateTimes(document);
  setInterval(() => updateTimes(root), 30_000);
}
