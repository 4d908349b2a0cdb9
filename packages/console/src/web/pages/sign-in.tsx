// Sign-in: paste an API key once. It goes to the server in the request body and nowhere else —
// not into storage, not into the URL; the form is never submitted the browser's way (which could
// put it in the address bar), and the field is cleared as soon as the server answers.

import { useState } from 'preact/hooks';
import { type SessionState, signIn } from '../api/session.js';
import { ErrorNote } from '../ui/bits.js';

export function SignIn(props: { onSignedIn: (state: SessionState) => void }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const outcome = await signIn(key.trim());
    setKey('');
    setBusy(false);
    if ('signed_in' in outcome) props.onSignedIn(outcome);
    else setError(outcome.message);
  };

  return (
    <main class="sign-in" id="main">
      <h1>PlexMCP console</h1>
      <p class="muted">
        Sign in with an API key of your organization. The key stays on the server for this session;
        the browser keeps only a session cookie.
      </p>
      <form onSubmit={submit} method="post" action="/console/session" autocomplete="off">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          placeholder="plexmcp_…"
          value={key}
          onInput={(event) => setKey((event.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </form>
    </main>
  );
}
