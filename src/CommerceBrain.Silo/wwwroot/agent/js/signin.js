// Who the agent (or supervisor) is: a token from #token=… (how an operator console links here), a still-valid one from
// this tab, or in Development a demo token from /api/dev/tokens for the picked id.
import { readJwt, takeFragmentToken } from '/js/identity.js';
import { byId } from '/js/dom.js';
import { toastError } from './ui.js';

const storageKey = 'commercebrain.agent-token';

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
  } catch {
    return null;
  }
}

function save(identity) {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(identity));
  } catch {
    // Storage off: the page works, it just signs in again after a reload.
  }
}

function expiresAt(token) {
  const exp = readJwt(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

function fresh(identity, role) {
  if (!identity?.token || (role && identity.role !== role && identity.role !== 'admin')) {
    return false;
  }

  const at = expiresAt(identity.token);
  return at === null || at - Date.now() > 30_000;
}

/** Whether the silo runs in Development (demo tokens exist). */
export async function loadConfig() {
  try {
    const response = await fetch('/api/chat/config', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    return response.ok ? await response.json() : { development: false };
  } catch {
    return { development: false };
  }
}

/** A demo token for subject in role (Development only). */
export async function devToken(subject, role) {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ subject, role }),
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body?.token) {
    throw Object.assign(new Error(body?.detail || body?.title || `HTTP ${response.status}`), { status: response.status, problem: body });
  }

  const identity = { token: body.token, subject, role, source: 'dev' };
  save(identity);
  return identity;
}

/**
 * The signed-in identity for a page that needs role ('agent' or 'admin'): the fragment wins, then this tab's stored
 * token, then (Development) a demo token for demoSubject. Null when there is none.
 */
export async function resolveIdentity({ development, role, demoSubject }) {
  const fromFragment = takeFragmentToken();
  if (fromFragment) {
    const claims = readJwt(fromFragment) ?? {};
    const identity = { token: fromFragment, subject: claims.sub ?? null, role: claims.role ?? role, source: 'fragment' };
    save(identity);
    return identity;
  }

  const stored = load();
  if (fresh(stored, role) && (stored.source === 'fragment' || development)) {
    return stored;
  }

  if (!development) {
    return null;
  }

  const subject = stored?.source === 'dev' && stored.role === role && stored.subject ? stored.subject : demoSubject;
  return devToken(subject, role);
}

/**
 * Signs an admin page (supervisor view, operations page) in: the picked demo subject's token, else the token from the
 * address, this tab, or in Development the demo admin. Returns the identity, or null after showing `note` in
 * #signin-note.
 */
export async function signInAdmin(subject, development, note) {
  let identity = null;
  try {
    identity = subject ? await devToken(subject, 'admin')
      : await resolveIdentity({ development: !!development, role: 'admin', demoSubject: 'admin-1' });
  } catch (error) {
    toastError(error, 'Sign-in failed');
  }

  if (!identity) {
    const element = byId('signin-note');
    element.hidden = false;
    element.textContent = note;
  }

  return identity;
}
