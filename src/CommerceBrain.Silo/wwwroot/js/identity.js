// Who the customer is: a token from the URL fragment (how a marketplace embeds the page) or, when the silo runs in
// Development, a demo customer's token from /api/dev/tokens.
import { loadToken, saveToken } from './storage.js';

export const defaultDemoCustomer = 'c-00001';

/** The payload of a JWT, read only for display and expiry (the server verifies it); null when not a JWT. */
export function readJwt(token) {
  try {
    const part = token.split('.')[1];
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

function expiresAtOf(token, fallback = null) {
  const exp = readJwt(token)?.exp;
  return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : fallback;
}

function isFresh(identity) {
  if (!identity?.token) {
    return false;
  }

  const at = identity.expiresAt ? Date.parse(identity.expiresAt) : NaN;
  return Number.isNaN(at) || at - Date.now() > 30_000;
}

/** Takes #token=… off the address (so it is not bookmarked or shared) and returns it. */
export function takeFragmentToken(location = window.location, history = window.history) {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) {
    return null;
  }

  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token;
}

/** Asks the Development-only endpoint for a customer token. */
export async function devToken(subject) {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ subject, role: 'customer' }),
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body?.token) {
    const error = new Error(body?.detail || body?.title || `HTTP ${response.status}`);
    error.status = response.status;
    error.problem = body;
    throw error;
  }

  const identity = { token: body.token, subject, expiresAt: body.expiresAt ?? expiresAtOf(body.token), source: 'dev' };
  saveToken(identity);
  return identity;
}

/**
 * The customer's identity: a fragment token wins, then a still-valid stored one, then (Development) a demo customer's
 * token. Null when there is none: the page then says how to get one.
 */
export async function resolveIdentity({ development, demoCustomer = defaultDemoCustomer }) {
  const fromFragment = takeFragmentToken();
  if (fromFragment) {
    const identity = {
      token: fromFragment,
      subject: readJwt(fromFragment)?.sub ?? null,
      expiresAt: expiresAtOf(fromFragment),
      source: 'fragment',
    };
    saveToken(identity);
    return identity;
  }

  const stored = loadToken();
  if (isFresh(stored) && (stored.source === 'fragment' || development)) {
    return stored;
  }

  return development ? devToken(stored?.source === 'dev' && stored.subject ? stored.subject : demoCustomer) : null;
}
