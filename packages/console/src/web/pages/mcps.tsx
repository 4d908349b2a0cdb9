// The organization's MCPs: each with its kind, address and access; add a Plex server (by URL
// and token) or a remote MCP server (by URL and headers); edit one; remove one after a
// confirmation. Tokens and headers go to the server and are never shown again (only whether one
// is stored).

import type { Mcp } from '@plexmcp/sdk';
import { useState } from 'preact/hooks';
import { describeError, platform } from '../api/platform.js';
import { ErrorNote, Link, Loading, PageHeader } from '../ui/bits.js';
import { ConfirmAction } from '../ui/confirm-action.js';
import { when } from '../ui/format.js';
import { useResult } from '../ui/use-result.js';
import { AddPlexServer } from './add-plex-server.js';
import { type Access, AccessField } from './mcp-access.js';

export function Mcps() {
  const mcps = useResult(() => platform.mcps.list({ per_page: 100 }), []);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title="MCPs">
        The Plex servers and other MCP servers your organization's keys can reach.
      </PageHeader>
      {mcps.error ? <ErrorNote>{mcps.error}</ErrorNote> : null}
      {mcps.data ? (
        <McpTable mcps={mcps.data} onChanged={mcps.reload} />
      ) : mcps.loading ? (
        <Loading what="MCPs" />
      ) : null}
      {adding ? (
        <AddMcp
          onDone={(added) => {
            setAdding(false);
            if (added) mcps.reload();
          }}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            Add an MCP
          </button>
        </p>
      )}
    </>
  );
}

function McpTable(props: { mcps: Mcp[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | undefined>();
  if (props.mcps.length === 0) return <p class="muted">No MCPs yet.</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Address</th>
            <th scope="col">Access</th>
            <th scope="col">Changed</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.mcps.map((mcp) =>
            editing === mcp.id ? (
              <tr key={mcp.id}>
                <td colSpan={6}>
                  <EditMcp
                    mcp={mcp}
                    onDone={(changed) => {
                      setEditing(undefined);
                      if (changed) props.onChanged();
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={mcp.id}>
                <td>
                  <Link href={`/console/mcps/${mcp.id}`}>{mcp.name}</Link>
                </td>
                <td>{mcp.kind === 'plex' ? 'Plex' : 'remote'}</td>
                <td class="wrap">{mcp.url ?? (mcp.builtin ? 'this server’s Plex' : '')}</td>
                <td>{mcp.access}</td>
                <td>{when(mcp.updated_at)}</td>
                <td class="actions">
                  {mcp.builtin ? null : (
                    <>
                      <button type="button" class="secondary" onClick={() => setEditing(mcp.id)}>
                        Edit<span class="visually-hidden"> {mcp.name}</span>
                      </button>{' '}
                      <ConfirmAction
                        verb="Remove"
                        name={mcp.name}
                        question={`Remove “${mcp.name}”? Keys confined to it lose it.`}
                        act={() => platform.mcps.remove(mcp.id)}
                        onDone={props.onChanged}
                      />
                    </>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Headers typed one per line as `Name: value`. */
function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return `“${line.trim().slice(0, 40)}” is not a “Name: value” header line.`;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The ways to add an MCP: a Plex server found through plex.tv, one by address, another MCP. */
const KINDS = [
  { value: 'plex-tv', label: 'A Plex Media Server of your plex.tv account (sign in with a code)' },
  { value: 'plex', label: 'A Plex Media Server by its URL and token' },
  { value: 'remote', label: 'Another MCP server (Streamable HTTP), proxied' },
] as const;

type Kind = (typeof KINDS)[number]['value'];

function AddMcp(props: { onDone: (added: boolean) => void }) {
  const [kind, setKind] = useState<Kind>('plex-tv');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [access, setAccess] = useState<Access>('read');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    let body: Parameters<typeof platform.mcps.create>[0];
    if (kind === 'plex-tv') return;
    if (kind === 'plex') {
      body = {
        kind,
        name: name.trim(),
        url: url.trim(),
        access,
        ...(secret ? { token: secret } : {}),
      };
    } else {
      const headers = parseHeaders(secret);
      if (typeof headers === 'string') return setError(headers);
      body = { kind, name: name.trim(), url: url.trim(), access, headers };
    }
    setBusy(true);
    const result = await platform.mcps.create(body);
    setBusy(false);
    if (result.error) return setError(describeError(result.error));
    props.onDone(true);
  };
  const choose = (next: Kind) => {
    setKind(next);
    setError(undefined);
  };
  return (
    <section aria-labelledby="add-mcp">
      <h2 id="add-mcp">Add an MCP</h2>
      <fieldset>
        <legend>Kind</legend>
        {KINDS.map((option) => (
          <label class="check" key={option.value}>
            <input
              type="radio"
              name="kind"
              checked={kind === option.value}
              onChange={() => choose(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'plex-tv' ? (
        <AddPlexServer onDone={props.onDone} />
      ) : (
        <form class="stack" onSubmit={submit}>
          <label for="mcp-name">Name</label>
          <input
            id="mcp-name"
            required
            maxLength={100}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <label for="mcp-url">{kind === 'plex' ? 'Plex server URL' : 'MCP endpoint URL'}</label>
          <input
            id="mcp-url"
            type="url"
            required
            placeholder={kind === 'plex' ? 'http://192.168.1.20:32400' : 'https://example.com/mcp'}
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
          <label for="mcp-secret">
            {kind === 'plex' ? 'Plex token' : 'Headers (one “Name: value” per line)'}
          </label>
          {kind === 'plex' ? (
            <input
              id="mcp-secret"
              type="password"
              autocomplete="off"
              value={secret}
              onInput={(e) => setSecret((e.target as HTMLInputElement).value)}
            />
          ) : (
            <textarea
              id="mcp-secret"
              rows={2}
              class="mono"
              placeholder="Authorization: Bearer …"
              value={secret}
              onInput={(e) => setSecret((e.target as HTMLTextAreaElement).value)}
            />
          )}
          <AccessField id="mcp-access" value={access} onChange={setAccess} />
          <div>
            <button type="submit" disabled={busy}>
              {busy ? 'Adding…' : 'Add MCP'}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => props.onDone(false)}>
              Cancel
            </button>
          </div>
          {error ? <ErrorNote>{error}</ErrorNote> : null}
        </form>
      )}
    </section>
  );
}

function EditMcp(props: { mcp: Mcp; onDone: (changed: boolean) => void }) {
  const { mcp } = props;
  const [name, setName] = useState(mcp.name);
  const [url, setUrl] = useState(mcp.url ?? '');
  const [secret, setSecret] = useState('');
  const [access, setAccess] = useState<Access>(mcp.access);
  const [error, setError] = useState<string | undefined>();
  const save = async (event: Event) => {
    event.preventDefault();
    const change: Parameters<typeof platform.mcps.update>[1] = {
      name: name.trim(),
      url: url.trim(),
      access,
    };
    if (secret) {
      if (mcp.kind === 'plex') change.token = secret;
      else {
        const headers = parseHeaders(secret);
        if (typeof headers === 'string') return setError(headers);
        change.headers = headers;
      }
    }
    const result = await platform.mcps.update(mcp.id, change);
    if (result.error) return setError(describeError(result.error));
    props.onDone(true);
  };
  const id = (field: string) => `edit-${mcp.id}-${field}`;
  return (
    <form class="stack" onSubmit={save} aria-label={`Edit ${mcp.name}`}>
      <label for={id('name')}>Name</label>
      <input
        id={id('name')}
        required
        value={name}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
      />
      <label for={id('url')}>URL</label>
      <input
        id={id('url')}
        type="url"
        required
        value={url}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
      />
      <label for={id('secret')}>
        {mcp.kind === 'plex' ? 'New Plex token' : 'New headers'}{' '}
        <span class="muted">({mcp.has_secret ? 'one is stored; ' : ''}empty: keep)</span>
      </label>
      <input
        id={id('secret')}
        type="password"
        autocomplete="off"
        value={secret}
        onInput={(e) => setSecret((e.target as HTMLInputElement).value)}
      />
      <AccessField id={id('access')} value={access} onChange={setAccess} />
      <div>
        <button type="submit">Save</button>{' '}
        <button type="button" class="secondary" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
    </form>
  );
}
