// The detail panel's own behaviour, on every page (layout.js opens, closes and refreshes the panel and
// checks steps off): the state-machine buttons, with the reason dialog for block and reopen and the
// engine's refusal shown in the panel; a live countdown of the claim's lease; and a refresh when a
// feature the panel lists as a dependency changes (its status is shown there).
import { meta, post, toast } from './api.js';
import { onEvent } from './live.js';
import { askReason, refreshPanel } from './layout.js';

const project = meta('ijoka-project');
const body = document.getElementById('panel-body');
const message = document.getElementById('panel-message');

function detail() {
  return body?.querySelector('.detail');
}

// --- messages -----------------------------------------------------------------------------------
// The message lives outside #panel-body: a refused command can still append an event (a rule's
// violation), which refreshes the panel, and the refusal must stay readable after that.
let messageFor = null;

function say(text, kind) {
  if (!message) { toast(text, kind); return; }
  message.textContent = text;
  message.className = `panel-message ${kind}`;
  message.hidden = false;
  messageFor = detail()?.dataset.id ?? null;
}

function clearMessage() {
  if (!message) return;
  message.hidden = true;
  message.textContent = '';
  messageFor = null;
}

// --- commands -----------------------------------------------------------------------------------
document.getElementById('panel')?.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-command]');
  const section = detail();
  if (!button || !section) return;
  const command = button.dataset.command;
  const request = { command, expectedVersion: Number(section.dataset.version) };
  if (button.dataset.reason === 'true') {
    const verb = command === 'block' ? 'Block' : 'Reopen';
    const reason = await askReason(`${verb} ${section.dataset.ref}: why?`);
    if (reason === null) return;
    request.reason = reason;
  }
  clearMessage();
  for (const b of section.querySelectorAll('button[data-command]')) b.disabled = true;
  try {
    const result = await post(`/api/projects/${project}/features/${encodeURIComponent(section.dataset.id)}/commands`, request);
    if (result.warnings?.length) say(result.warnings.join('\n'), 'warn');
    await refreshPanel();
  } catch (err) {
    say(err.message, 'error');
    for (const b of section.querySelectorAll('button[data-command]')) b.disabled = false;
  }
});

// --- the lease countdown ------------------------------------------------------------------------
function twoDigits(n) {
  return String(n).padStart(2, '0');
}

/** "ends in 29:41" while the lease is live, "lapsed 3 min ago" after. */
function countdownText(until) {
  const ms = Date.parse(until) - Date.now();
  const s = Math.round(Math.abs(ms) / 1000);
  const clock = s >= 3600 ? `${Math.floor(s / 3600)}:${twoDigits(Math.floor(s / 60) % 60)}:${twoDigits(s % 60)}`
    : `${Math.floor(s / 60)}:${twoDigits(s % 60)}`;
  return ms > 0 ? `ends in ${clock}` : `lapsed ${clock} ago`;
}

function tick() {
  for (const el of document.querySelectorAll('#panel time[data-countdown]')) {
    el.textContent = countdownText(el.dateTime);
    el.classList.toggle('lapsed', Date.parse(el.dateTime) <= Date.now());
  }
}
setInterval(tick, 1000);

// --- panel content changes ----------------------------------------------------------------------
if (body) {
  new MutationObserver(() => {
    tick(); // the fresh content shows the countdown at once, not a second later
    if (messageFor && detail()?.dataset.id !== messageFor) clearMessage(); // another feature opened
  }).observe(body, { childList: true });
}
document.querySelector('#panel [data-close-panel]')?.addEventListener('click', clearMessage);

// A dependency or dependent changed status (the panel shows their statuses), or an edge to this
// feature was added or removed from the other side: refresh the panel.
onEvent((e) => {
  const section = detail();
  if (!section || !e.feature || e.feature === section.dataset.id || document.getElementById('panel')?.hidden) return;
  const listed = section.querySelector(`[data-dependency="${CSS.escape(e.feature)}"]`);
  const edgeToThis = e.type.startsWith('dependency_') && JSON.stringify(e.payload ?? {}).includes(section.dataset.id);
  if (listed || edgeToThis) refreshPanel();
});
