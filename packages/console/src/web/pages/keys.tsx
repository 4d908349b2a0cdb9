// API keys: the organization's keys, a new one (its secret shown this once), and revocation
// after a confirmation.

import type { ApiKey, CreatedApiKey, Mcp } from '@plexmcp/sdk';
import { useState } from 'preact/hooks';
import { describeError, platform } from '../api/platform.js';
import { ErrorNote, Loading, PageHeader } from '../ui/bits.js';
import { ConfirmAction } from '../ui/confirm-action.js';
import { CopyButton } from '../ui/copy-button.js';
import { when } from '../ui/format.js';
import { useResult } from '../ui/use-result.js';

const SCOPES = [
  { scope: 'read', help: 'call read tools' },
  { scope: 'write', help: 'call tools that change things' },
  { scope: 'delete', help: 'call tools that delete' },
  { scope: 'admin', help: 'manage MCPs, keys and members' },
] as const;

type Scope = (typeof SCOPES)[number]['scope'];

export function Keys() {
  const keys = useResult(() => platform.apiKeys.list({ per_page: 100 }), []);
  const mcps = useResult(() => platform.mcps.list({ per_page: 100 }), []);
  const [created, setCreated] = useState<CreatedApiKey | undefined>();
  return (
    <>
      <PageHeader title="API keys">
        Keys let programs and MCP clients act for a member of the organization.
      </PageHeader>
      {created ? <NewSecret made={created} onDone={() => setCreated(undefined)} /> : null}
      <CreateKey
        mcps={mcps.data ?? []}
        onCreated={(made) => {
          setCreated(made);
          keys.reload();
        }}
      />
      <section aria-labelledby="key-list">
        <h2 id="key-list">Keys</h2>
        {keys.error ? <ErrorNote>{keys.error}</ErrorNote> : null}
        {keys.data ? (
          <KeyTable keys={keys.data} mcps={mcps.data ?? []} onRevoked={keys.reload} />
        ) : (
          <Loading what="keys" />
        )}
      </section>
    </>
  );
}

/** The secret of a key just made: shown once, with a copy button. */
function NewSecret(props: { made: CreatedApiKey; onDone: () => void }) {
  return (
    <section class="notice" aria-labelledby="new-secret" role="status">
      <h2 id="new-secret">Key “{props.made.name}” created</h2>
      <p>Copy it now: it is shown this once and cannot be read again.</p>
      <p class="secret">
        <code data-testid="new-secret">{props.made.secret}</code>
      </p>
      <CopyButton text={props.made.secret} label="Copy key" />{' '}
      <button type="button" class="secondary" onClick={props.onDone}>
        Done
      </button>
    </section>
  );
}

function CreateKey(props: { mcps: Mcp[]; onCreated: (made: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<Scope>>(new Set(['read']));
  const [only, setOnly] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await platform.apiKeys.create({
      name: name.trim(),
      scopes: SCOPES.map((s) => s.scope).filter((scope) => scopes.has(scope)),
      ...(only.size > 0 ? { mcp_ids: [...only] } : {}),
    });
    setBusy(false);
    if (result.error) return setError(describeError(result.error));
    setName('');
    props.onCreated(result.data);
  };
  return (
    <section aria-labelledby="create-key">
      <h2 id="create-key">New key</h2>
      <form class="stack" onSubmit={submit}>
        <label for="key-name">Name</label>
        <input
          id="key-name"
          required
          maxLength={100}
          value={name}
          placeholder="laptop, home-assistant…"
          onInput={(event) => setName((event.target as HTMLInputElement).value)}
        />
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map(({ scope, help }) => (
            <label key={scope} class="check">
              <input
                type="checkbox"
                name="scope"
                value={scope}
                checked={scopes.has(scope)}
                onChange={() => setScopes(toggle(scopes, scope))}
              />
              <span>
                {scope} <span class="muted">— {help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {props.mcps.length > 0 ? (
          <fieldset>
            <legend>Only these MCPs (none checked: every MCP)</legend>
            {props.mcps.map((mcp) => (
              <label key={mcp.id} class="check">
                <input
                  type="checkbox"
                  name="mcp"
                  value={mcp.id}
                  checked={only.has(mcp.id)}
                  onChange={() => setOnly(toggle(only, mcp.id))}
                />
                <span>{mcp.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div>
          <button type="submit" disabled={busy || name.trim() === '' || scopes.size === 0}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </div>
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </form>
    </section>
  );
}

function KeyTable(props: { keys: ApiKey[]; mcps: Mcp[]; onRevoked: () => void }) {
  const names = new Map(props.mcps.map((mcp) => [mcp.id, mcp.name]));
  if (props.keys.length === 0) return <p class="muted">No keys.</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">MCPs</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr key={key.id} class={key.revoked_at ? 'revoked' : undefined}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.scopes.join(', ')}</td>
              <td>
                {key.mcp_ids === null
                  ? 'all'
                  : key.mcp_ids.map((id) => names.get(id) ?? id).join(', ')}
              </td>
              <td>{when(key.last_used_at)}</td>
              <td>
                {key.revoked_at ? (
                  <span class="muted">revoked {when(key.revoked_at)}</span>
                ) : (
                  <ConfirmAction
                    verb="Revoke"
                    name={key.name}
                    question={`Revoke “${key.name}”? Programs using it stop working.`}
                    act={() => platform.apiKeys.revoke(key.id)}
                    onDone={props.onRevoked}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
