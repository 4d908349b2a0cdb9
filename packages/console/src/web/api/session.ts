// The browser's side of the console session. The API key is sent once, to sign in, and then
// forgotten: the server keeps it and hands the page an httpOnly cookie (which scripts cannot
// read) and a CSRF token, which lives in this module's memory only — a reload asks for it again.

/** What the server says about this browser's session. */
export interface SessionState {
  signed_in: boolean;
  csrf_token?: string;
  organization_id?: string;
  expires_at?: string;
}

/** Why signing in failed, in words for the person. */
export interface SignInRefusal {
  message: string;
}

const SESSION_URL = '/console/session';
let csrf = '';
const signedOutListeners = new Set<() => void>();

/** The CSRF token of the current session ('' when signed out). */
export function csrfToken(): string {
  return csrf;
}

function remember(state: SessionState): SessionState {
  csrf = state.signed_in ? (state.csrf_token ?? '') : '';
  return state;
}

/** Asks the server whether this browser is signed in. */
export async function loadSession(): Promise<SessionState> {
  const response = await fetch(SESSION_URL, { headers: { accept: 'application/json' } });
  return remember((await response.json()) as SessionState);
}

/** Signs in with an API key; the key is not kept anywhere in the page. */
export async function signIn(apiKey: string): Promise<SessionState | SignInRefusal> {
  let response: Response;
  try {
    response = await fetch(SESSION_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ api_key: apiKey }),
    });
  } catch {
    return { message: 'The server did not answer. Is it still running?' };
  }
  const body = (await response.json().catch(() => null)) as
    | (SessionState & { error?: { message?: string } })
    | null;
  if (response.ok && body?.signed_in) return remember(body);
  return { message: body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).` };
}

/** Signs out: the server ends the session and clears the cookie. */
export async function signOut(): Promise<void> {
  await fetch(SESSION_URL, { method: 'DELETE', headers: { 'x-csrf-token': csrf } }).catch(
    () => undefined,
  );
  sessionEnded();
}

/** Called when the server says the session is over (signed out, expired, key revoked). */
export function sessionEnded(): void {
  csrf = '';
  for (const listener of signedOutListeners) listener();
}

/** Runs `listener` whenever the session ends; answers how to stop listening. */
export function onSessionEnded(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}
