// The Rules view: a form per kind of rule, sent as JSON; the API's message shows under the form when it
// refuses (the same message an agent or the command line would get). Switches enable and disable a rule.
// The list (counters, last decisions) is rendered by the server and re-fetched when rules change or fire,
// here or in any other process.
import { meta, post, fragment, toast, debounce } from './api.js';
import { onEvent } from './live.js';

const base = meta('ijoka-base');

/** Re-renders the list of rules and recent decisions from the server. */
export async function refreshRules() {
  try {
    const content = await fragment(`${base}/rules/list`);
    const fresh = content.querySelector('#rules-list');
    if (fresh) document.getElementById('rules-list')?.replaceWith(fresh);
  } catch (err) {
    console.warn('ijoka: rules refresh failed', err);
  }
}

const refreshSoon = debounce(refreshRules, 150);

/** The form's fields as the API's body: empty fields left out, numbers as numbers. */
function bodyOf(form) {
  const body = { kind: form.dataset.kind };
  for (const [name, value] of new FormData(form)) {
    const v = String(value).trim();
    if (v === '') continue;
    body[name] = form.elements[name]?.dataset?.number !== undefined && /^-?\d+$/.test(v) ? Number(v) : v;
  }
  return body;
}

document.addEventListener('submit', async (e) => {
  const form = e.target.closest('form[data-rule-form]');
  if (!form) return;
  e.preventDefault();
  const error = form.querySelector('.form-error');
  const button = form.querySelector('button[type="submit"]');
  error.textContent = '';
  form.classList.remove('invalid');
  button.disabled = true;
  try {
    const rule = await post(form.dataset.action, bodyOf(form));
    for (const field of form.querySelectorAll('input:not([type="number"]), textarea')) field.value = '';
    toast(`Rule added: ${rule.description}`, 'note');
    await refreshRules();
    document.getElementById(`rule-${rule.id}`)?.classList.add('changed');
  } catch (err) {
    error.textContent = err.message;
    form.classList.add('invalid');
  } finally {
    button.disabled = false;
  }
});

document.addEventListener('change', async (e) => {
  const toggle = e.target.closest('input[data-rule-toggle]');
  if (!toggle) return;
  const enable = toggle.checked;
  toggle.disabled = true;
  try {
    await post(`/api/rules/${encodeURIComponent(toggle.dataset.ruleId)}/${enable ? 'enable' : 'disable'}`);
    await refreshRules();
  } catch (err) {
    toggle.checked = !enable;
    toggle.disabled = false;
    toast(err.message);
  }
});

// A rule added, toggled or deciding anywhere (an agent's start refused by the WIP limit, a reminder shown
// before a tool use) changes the counters: show them.
onEvent((e) => { if (e.type.startsWith('rule_')) refreshSoon(); });
