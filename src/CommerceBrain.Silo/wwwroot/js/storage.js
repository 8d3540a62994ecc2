// What survives a reload of the tab: the token and the open session (sessionStorage, so it ends with the tab).
const tokenKey = 'commercebrain.token';
const sessionKey = 'commercebrain.session';

function read(key) {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value == null) {
      sessionStorage.removeItem(key);
    } else {
      sessionStorage.setItem(key, JSON.stringify(value));
    }
  } catch {
    // Storage disabled: the chat still works, it just does not resume after a reload.
  }
}

/** {token, subject, expiresAt, source: 'dev'|'fragment'} or null. */
export const loadToken = () => read(tokenKey);
export const saveToken = (value) => write(tokenKey, value);

/** {sessionId, subject, merchantId} or null. */
export const loadSession = () => read(sessionKey);
export const saveSession = (value) => write(sessionKey, value);
