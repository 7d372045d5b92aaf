// Talking to the JSON API: every state-changing call carries the launch token (from the page's
// <meta name="ijoka-token">); the browser adds the Origin header the server checks.
export function meta(name) {
  const el = document.querySelector(`meta[name="${name}"]`);
  return el ? el.content : '';
}

const token = meta('ijoka-token');

/** Sends a request and returns the parsed JSON; throws an Error carrying the server's message and code. */
export async function send(method, url, body) {
  const init = { method, credentials: 'same-origin', headers: { 'X-Ijoka-Token': token } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const err = new Error(data?.error?.message ?? `${res.status} ${res.statusText}`);
    err.code = data?.error?.code;
    err.status = res.status;
    throw err;
  }
  return data;
}

export const get = (url) => send('GET', url);
export const post = (url, body) => send('POST', url, body ?? {});

/** Fetches a server-rendered fragment. The server escapes all feature text, so it may be inserted as HTML. */
export async function fragment(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const template = document.createElement('template');
  template.innerHTML = await res.text();
  return template.content;
}

let toastTimer;
/** Shows a message at the bottom of the page for a while: errors stay longer than notes. */
export function toast(message, kind = 'error') {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = message;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, kind === 'error' ? 9000 : 4000);
}

/** Calls fn at most once per `ms`, with the latest arguments. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
