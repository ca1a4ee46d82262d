// The one way pages talk to the server: fetch with the session cookie (same origin), the CSRF
// token on every write, an optional purpose on reads, and errors turned into ApiError values
// carrying the server's stable code and message. A 401 on any call but the sign-in itself sends
// the user to the sign-in page and back here afterwards.

export class ApiError extends Error {
  constructor(status, code, message, correlationId) {
    super(message);
    this.status = status;
    this.code = code;
    this.correlationId = correlationId;
  }
}

let currentSession = null;

/** The signed-in session from the last getSession() or signIn(), or null. */
export function session() {
  return currentSession;
}

/** The path and query of this page, for returning here after signing in. */
export function herePath() {
  return window.location.pathname + window.location.search;
}

/** Sends the browser to the sign-in page, to come back to this page afterwards. */
export function redirectToSignIn(reason) {
  const params = new URLSearchParams({ next: herePath() });
  if (reason) params.set('reason', reason);
  window.location.assign(`/sign-in.html?${params}`);
}

/** Builds '/api/v1/...' with a query from an object, skipping empty values. */
export function apiUrl(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = body && body.error ? body.error : {};
  const code = error.code || (response.status === 404 ? 'not_found' : `http_${response.status}`);
  const message = error.message || `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, error.correlation_id);
}

/**
 * Calls the API. Options: method (default GET), query (object), body (JSON-encoded),
 * purpose (X-Purpose header), redirectOn401 (default true). Resolves to the parsed JSON body
 * (or null for an empty body); rejects with ApiError.
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && currentSession && currentSession.csrf_token) {
    headers['X-CSRF-Token'] = currentSession.csrf_token;
  }
  const purpose = options.purpose || sessionStorage.getItem('rasso-purpose');
  if (purpose) headers['X-Purpose'] = purpose;
  let response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (failure) {
    throw new ApiError(0, 'network', `The server could not be reached (${failure.message}).`);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && options.redirectOn401 !== false) {
      redirectToSignIn(error.code);
      // Never settles: the page is going away.
      return new Promise(() => {});
    }
    throw error;
  }
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The current session, or null when nobody is signed in. */
export async function getSession() {
  try {
    currentSession = await api('/session', { redirectOn401: false });
  } catch (error) {
    if (error.status === 401) {
      currentSession = null;
      return null;
    }
    throw error;
  }
  return currentSession;
}

/** Signs in; resolves to the session, rejects with ApiError (invalid_credentials, ...). */
export async function signIn(username, password) {
  currentSession = await api('/session', {
    method: 'POST',
    body: { username, password },
    redirectOn401: false,
  });
  return currentSession;
}

/** Signs out (the server ends the session). */
export async function signOut() {
  try {
    await api('/session', { method: 'DELETE', redirectOn401: false });
  } finally {
    currentSession = null;
  }
}

/**
 * Fetches every item of a paginated list (up to `limit` items), following `page`. Resolves to
 * {items, total, first} where `first` is the first page's whole body (for fields beside the list).
 */
export async function listAll(path, query = {}, limit = 2000) {
  const pageSize = Math.min(500, limit);
  const items = [];
  let total = 0;
  let first = null;
  for (let page = 1; ; page += 1) {
    const body = await api(path, { query: { ...query, page, page_size: pageSize } });
    first = first || body;
    const batch = (body && body.items) || [];
    items.push(...batch);
    total = body && typeof body.total === 'number' ? body.total : items.length;
    if (batch.length < pageSize || items.length >= total || items.length >= limit) break;
  }
  return { items, total, first };
}
