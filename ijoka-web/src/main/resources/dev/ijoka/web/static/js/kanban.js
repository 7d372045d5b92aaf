// The Kanban board: drag a card to another column to run the matching command. An illegal move snaps
// back and shows the engine's message (which says why and what to do); block and reopen ask for a
// reason first. Live events re-fetch the changed cards, rendered (and escaped) by the server.
import { meta, post, fragment, toast } from './api.js';
import { onEvent } from './live.js';
import { askReason, openPanel } from './layout.js';

const project = meta('ijoka-project');
const base = meta('ijoka-base');

/** The command that moves a card from one column to another; null when none does. */
function commandFor(from, to) {
  if (to === 'in_progress') return 'start';
  if (to === 'complete') return 'complete';
  if (to === 'blocked') return 'block';
  if (to === 'pending') return from === 'blocked' ? 'unblock' : from === 'complete' ? 'reopen' : null;
  return null;
}

function columnOf(status) {
  return document.querySelector(`ol.cards[data-status="${status}"]`);
}

function snapBack(evt) {
  const { item, from, oldIndex } = evt;
  from.insertBefore(item, from.children[oldIndex] ?? from.querySelector('.more-item'));
}

async function onDrop(evt) {
  if (evt.from === evt.to) return; // order within a column means nothing
  const card = evt.item;
  const from = evt.from.dataset.status;
  const to = evt.to.dataset.status;
  const command = commandFor(from, to);
  if (!command) {
    snapBack(evt);
    toast(`No command moves a feature from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}: `
      + 'block it with a reason, or complete it.');
    return;
  }
  const body = { command, expectedVersion: Number(card.dataset.version) };
  if (command === 'block' || command === 'reopen') {
    const reason = await askReason(`${command === 'block' ? 'Block' : 'Reopen'} ${card.dataset.ref}: why?`);
    if (reason === null) {
      snapBack(evt);
      return;
    }
    body.reason = reason;
  }
  card.classList.add('busy');
  try {
    const result = await post(`/api/projects/${project}/features/${encodeURIComponent(card.dataset.id)}/commands`, body);
    if (result.warnings?.length) toast(result.warnings.join('\n'), 'warn');
    await refreshCard(card.dataset.id);
  } catch (err) {
    snapBack(evt);
    toast(err.message);
  } finally {
    card.classList.remove('busy');
  }
}

/** Replaces a card with the server's current rendering, moving it to the column of its status. */
export async function refreshCard(id) {
  let content;
  try {
    content = await fragment(`${base}/cards/${encodeURIComponent(id)}`);
  } catch (err) {
    console.warn('ijoka: card refresh failed', err);
    return;
  }
  const fresh = content.querySelector('li.card');
  if (!fresh) return;
  const old = document.getElementById(`card-${id}`);
  const target = columnOf(fresh.dataset.status);
  if (old && old.parentElement === target) {
    old.replaceWith(fresh);
  } else {
    old?.remove();
    target?.prepend(fresh);
  }
}

// Several events of one command (started, claim taken...) come together: fetch each card once.
const pending = new Set();
let timer = null;
onEvent((e) => {
  if (!e.feature) return;
  pending.add(e.feature);
  clearTimeout(timer);
  timer = setTimeout(() => {
    const ids = [...pending];
    pending.clear();
    ids.forEach(refreshCard);
  }, 40);
});

document.addEventListener('click', (e) => {
  const card = e.target.closest('li.card');
  if (card && !e.target.closest('a, button')) openPanel(card.dataset.id);
});
document.addEventListener('keydown', (e) => {
  const card = e.target.closest?.('li.card');
  if (card && e.key === 'Enter') openPanel(card.dataset.id);
});

function init() {
  if (typeof Sortable === 'undefined') {
    toast('Dragging is unavailable: SortableJS did not load.');
    return;
  }
  document.querySelectorAll('ol.cards').forEach((list) => {
    Sortable.create(list, {
      group: 'kanban',
      draggable: '.card',
      filter: '.more-item',
      animation: 120,
      onEnd: onDrop,
    });
  });
}

if (document.readyState === 'complete') init(); else window.addEventListener('load', init);
