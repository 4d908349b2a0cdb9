// Adding a Plex server of the person's plex.tv account: get a code, approve it on plex.tv, pick
// one of the account's servers and one of its addresses. The console's server holds the tokens;
// this page only ever sees the code, names and addresses.

import { useEffect, useState } from 'preact/hooks';
import {
  addServer,
  checkSignIn,
  type OfferedServer,
  type ServerConnection,
  type StartedSignIn,
  startSignIn,
} from '../api/plex-sign-in.js';
import { ErrorNote } from '../ui/bits.js';
import { type Access, AccessField } from './mcp-access.js';

/** How often the page asks whether the code was approved (plex.tv expects about once a second). */
const POLL_MS = 1000;

type Step =
  | { step: 'start' }
  | { step: 'waiting'; signIn: StartedSignIn }
  | { step: 'approved'; signIn: StartedSignIn; servers: OfferedServer[] }
  | { step: 'expired'; message: string };

/** The address to offer first: a direct one (local before remote), a relay only as a last resort. */
function preferred(connections: ServerConnection[]): ServerConnection | undefined {
  return (
    connections.find((c) => c.local && !c.relay) ??
    connections.find((c) => !c.relay) ??
    connections[0]
  );
}

const kindOf = (c: ServerConnection) => (c.relay ? 'relay' : c.local ? 'local' : 'remote');

/** The plex.tv way to add a Plex server: a code, its approval, then the server and address. */
export function AddPlexServer(props: { onDone: (added: boolean) => void }) {
  const [state, setState] = useState<Step>({ step: 'start' });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setError(undefined);
    setBusy(true);
    const started = await startSignIn();
    setBusy(false);
    if (started.error !== undefined) return setError(started.error);
    setState({ step: 'waiting', signIn: started.data });
  };

  // While waiting, ask every second (the server asks plex.tv no more often); a failed check is said and retried.
  const waitingFor = state.step === 'waiting' ? state.signIn : undefined;
  useEffect(() => {
    if (!waitingFor) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const checked = await checkSignIn(waitingFor.id);
      if (!current) return;
      if (checked.error !== undefined) setError(checked.error);
      else if (checked.data.status === 'approved') {
        setError(undefined);
        return setState({ step: 'approved', signIn: waitingFor, servers: checked.data.servers });
      } else if (checked.data.status === 'expired') {
        return setState({ step: 'expired', message: checked.data.message });
      } else setError(undefined);
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [waitingFor]);

  const cancel = (
    <button type="button" class="secondary" onClick={() => props.onDone(false)}>
      Cancel
    </button>
  );

  if (state.step === 'approved') {
    return <PickServer signIn={state.signIn} servers={state.servers} onDone={props.onDone} />;
  }
  return (
    <div class="stack">
      {state.step === 'waiting' ? (
        <>
          <p>
            Open{' '}
            <a href={state.signIn.link_url} target="_blank" rel="noopener noreferrer">
              {state.signIn.link_url}
            </a>
            , sign in to plex.tv and enter this code:
          </p>
          <p class="pin-code">
            <span class="visually-hidden">Code: </span>
            <code>{state.signIn.code}</code>
          </p>
          <p class="muted" aria-live="polite">
            Waiting for the approval… (the code works until{' '}
            {new Date(state.signIn.expires_at).toLocaleTimeString()})
          </p>
          <div>{cancel}</div>
        </>
      ) : (
        <>
          {state.step === 'expired' ? <ErrorNote>{state.message}</ErrorNote> : null}
          <p class="muted">
            plex.tv shows a code to approve; then pick one of your account's servers. Your plex.tv
            password is never typed here, and no token reaches this page.
          </p>
          <div>
            <button type="button" disabled={busy} onClick={start}>
              {busy
                ? 'Asking plex.tv…'
                : state.step === 'expired'
                  ? 'Get a new code'
                  : 'Get a code from plex.tv'}
            </button>{' '}
            {cancel}
          </div>
        </>
      )}
      {error ? <ErrorNote>{error}</ErrorNote> : null}
    </div>
  );
}

function PickServer(props: {
  signIn: StartedSignIn;
  servers: OfferedServer[];
  onDone: (added: boolean) => void;
}) {
  const { servers } = props;
  const [chosen, setChosen] = useState(servers[0]?.client_identifier ?? '');
  const server = servers.find((one) => one.client_identifier === chosen);
  const [uri, setUri] = useState(preferred(server?.connections ?? [])?.uri ?? '');
  const [name, setName] = useState(server?.name ?? '');
  const [access, setAccess] = useState<Access>('read');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (servers.length === 0) {
    return (
      <div class="stack">
        <ErrorNote>
          This plex.tv account reaches no Plex Media Server. Sign in to plex.tv with the account
          that owns or shares the server, or add it by URL and token.
        </ErrorNote>
        <div>
          <button type="button" class="secondary" onClick={() => props.onDone(false)}>
            Close
          </button>
        </div>
      </div>
    );
  }

  const pickServer = (next: OfferedServer) => {
    setChosen(next.client_identifier);
    setUri(preferred(next.connections)?.uri ?? '');
    setName(next.name);
    setError(undefined);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const added = await addServer({
      pin_id: props.signIn.id,
      client_identifier: chosen,
      connection_uri: uri,
      name: name.trim(),
      access,
    });
    setBusy(false);
    if (added.error !== undefined) return setError(added.error);
    props.onDone(true);
  };
  return (
    <form class="stack" onSubmit={submit}>
      <p role="status">Signed in to plex.tv. Pick the server to add.</p>
      <fieldset>
        <legend>Server</legend>
        {servers.map((one) => (
          <label class="check" key={one.client_identifier}>
            <input
              type="radio"
              name="plex-server"
              checked={one.client_identifier === chosen}
              onChange={() => pickServer(one)}
            />
            <span>
              {one.name}
              {one.owned ? '' : ' (shared with you)'}
            </span>
          </label>
        ))}
      </fieldset>
      {server && server.connections.length > 0 ? (
        <>
          <label for="plex-address">Address</label>
          <select
            id="plex-address"
            value={uri}
            onChange={(e) => setUri((e.target as HTMLSelectElement).value)}
          >
            {server.connections.map((connection) => (
              <option key={connection.uri} value={connection.uri}>
                {connection.uri} ({kindOf(connection)})
              </option>
            ))}
          </select>
        </>
      ) : (
        <ErrorNote>
          plex.tv knows no address for this server: is it running and signed in?
        </ErrorNote>
      )}
      <label for="plex-name">Name</label>
      <input
        id="plex-name"
        required
        maxLength={100}
        value={name}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
      />
      <AccessField id="plex-access" value={access} onChange={setAccess} />
      <div>
        <button type="submit" disabled={busy || !uri}>
          {busy ? 'Checking the server…' : 'Add server'}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
    </form>
  );
}
