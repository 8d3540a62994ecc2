// HTTP to the silo: bearer token, problem+json errors, and retries that honour Retry-After.

/** An error the page can show: HTTP status (0 when the network failed) and the problem+json body. */
export class ApiError extends Error {
  constructor(status, problem, retryAfterMs = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? {};
    this.retryAfterMs = retryAfterMs;
  }

  /** A transient failure worth retrying with the same request: no answer at all, 503 or 429. */
  get transient() {
    return this.status === 0 || this.status === 503 || this.status === 429;
  }
}

/** The first validation message, else detail, else title: what a person should read. */
export function describeProblem(error) {
  const problem = error?.problem ?? {};
  const errors = problem.errors && typeof problem.errors === 'object' ? Object.values(problem.errors).flat() : [];
  const first = errors.find((e) => typeof e === 'string' && e);
  return { title: problem.title || '', detail: first || problem.detail || '' };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || value === '') {
    return null;
  }

  const trimmed = String(value).trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }

  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const defaultRetry = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 30000 };

/**
 * A client for the silo's /api. getToken returns the bearer token; renewToken (optional) gets a new one after a 401
 * and returns true when it did, so the request is sent once more.
 */
export function createApi({ getToken, renewToken = async () => false, fetchImpl = (...a) => fetch(...a) }) {
  async function once(method, path, body, extraHeaders = {}) {
    const headers = { Accept: 'application/json, application/problem+json', ...extraHeaders };
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }

    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    let response;
    try {
      response = await fetchImpl(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (failure) {
      throw new ApiError(0, { title: 'network', detail: String(failure?.message ?? failure) });
    }

    const text = await response.text().catch(() => '');
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { detail: text.slice(0, 300) };
      }
    }

    if (!response.ok) {
      throw new ApiError(response.status, data, parseRetryAfter(response.headers.get('Retry-After')));
    }

    return data;
  }

  /**
   * Sends one request. With retry, a transient failure (network, 503, 429) is sent again unchanged, so an idempotent
   * body (a message with its clientMessageId) is never taken twice; onRetry(attempt, delayMs) lets the page say so.
   * headers adds request headers (e.g. an Idempotency-Key, the same on every retry).
   */
  async function request(method, path, body, { retry = null, onRetry = () => {}, headers = {} } = {}) {
    const policy = retry ? { ...defaultRetry, ...retry } : null;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, path, body, headers);
      } catch (error) {
        if (error.status === 401 && !renewed) {
          renewed = true;
          if (await renewToken()) {
            attempt--;
            continue;
          }
        }

        if (!policy || !(error instanceof ApiError) || !error.transient || attempt >= policy.attempts) {
          throw error;
        }

        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        const delay = Math.min(policy.maxDelayMs, error.retryAfterMs ?? backoff);
        onRetry(attempt, delay);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body, options) => request('POST', path, body, options),
  };
}

/** An id for a message: letters, digits and '-' only (what the API accepts), unique enough to never collide. */
export function newClientMessageId() {
  if (globalThis.crypto?.randomUUID) {
    return crypto.randomUUID();
  }

  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
