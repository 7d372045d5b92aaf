// What every page shares: the project switcher, the header's counts (kept live), the detail panel,
// the reason dialog, and generic API buttons and forms.
import { meta, get, post, send, fragment, toast, debounce } from './api.js';
import { onEvent } from './live.js';

const project = meta('ijoka-project');
const base = meta('ijoka-base');

// --- project switcher -------------------------------------------------------------------------
document.querySelector('[data-switch-project]')?.addEventListener('change', (e) => {
  location.href = `/p/${encodeURIComponent(e.target.value)}/${document.body.dataset.tab || 'kanban'}`;
});

// --- header counts ----------------------------------------------------------------------------
export const refreshHeader = debounce(async () => {
  try {
    const status = await get(`/api/projects/${project}/status`);
    const p = status.progress;
    const set = (id, v) => { const el = document.getElementById(id); if (el) el.textContent = v; };
    set('pct', `${p.percentComplete}%`);
    set('count-pending', p.pending);
    set('count-in_progress', p.inProgress);
    set('count-blocked', p.blocked);
    set('count-complete', p.complete);
    set('count-total', p.total);
    set('column-count-pending', p.pending);
    set('column-count-in_progress', p.inProgress);
    set('column-count-blocked', p.blocked);
    set('column-count-complete', p.complete);
    document.dispatchEvent(new CustomEvent('ijoka:status', { detail: status }));
  } catch (err) {
    console.warn('ijoka: header refresh failed', err);
  }
}, 150);

onEvent((e) => {
  if (e.feature || e.type === 'feature_created') refreshHeader();
  if (openFeature && e.feature === openFeature) refreshPanel();
});

// --- feature detail panel ---------------------------------------------------------------------
let openFeature = null;

export async function openPanel(featureId) {
  openFeature = featureId;
  await refreshPanel();
  document.getElementById('panel').hidden = false;
}

export async function refreshPanel() {
  if (!openFeature) return;
  try {
    const content = await fragment(`${base}/features/${encodeURIComponent(openFeature)}/panel`);
    document.getElementById('panel-body').replaceChildren(content);
  } catch (err) {
    toast(`Could not load the feature: ${err.message}`);
  }
}

function closePanel() {
  openFeature = null;
  document.getElementById('panel').hidden = true;
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('[data-open-feature]');
  if (link) {
    e.preventDefault();
    openPanel(link.dataset.id);
    return;
  }
  if (e.target.closest('[data-close-panel]')) closePanel();
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && openFeature) closePanel(); });

document.getElementById('panel')?.addEventListener('change', async (e) => {
  const box = e.target.closest('input[data-step]');
  if (!box || !openFeature) return;
  try {
    await post(`/api/projects/${project}/features/${encodeURIComponent(openFeature)}/steps/${box.dataset.index}`,
      { done: box.checked });
  } catch (err) {
    box.checked = !box.checked;
    toast(err.message);
  }
});

// --- the reason dialog (block and reopen need one) --------------------------------------------
/** Asks for a reason; resolves to the text, or null when cancelled. */
export function askReason(title) {
  const dialog = document.getElementById('reason-dialog');
  const text = document.getElementById('reason-text');
  document.getElementById('reason-title').textContent = title;
  text.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && text.value.trim() ? text.value.trim() : null);
    }, { once: true });
    dialog.showModal();
    text.focus();
  });
}

// --- generic API buttons and forms (Rules view, and whatever views add) -----------------------
document.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-post]');
  if (!button) return;
  button.disabled = true;
  try {
    await post(button.dataset.post);
    location.reload();
  } catch (err) {
    toast(err.message);
    button.disabled = false;
  }
});

document.addEventListener('submit', async (e) => {
  const form = e.target.closest('form[data-api-form]');
  if (!form) return;
  e.preventDefault();
  const body = {};
  for (const [name, value] of new FormData(form)) {
    if (value === '') continue;
    const input = form.elements[name];
    body[name] = input?.dataset?.number !== undefined ? Number(value) : value;
  }
  try {
    await send(form.dataset.method || 'POST', form.dataset.action, body);
    location.reload();
  } catch (err) {
    toast(err.message);
  }
});

// htmx requests (e.g. "show more") carry the token too, in case a view uses them to change something.
document.addEventListener('htmx:configRequest', (e) => { e.detail.headers['X-Ijoka-Token'] = meta('ijoka-token'); });
