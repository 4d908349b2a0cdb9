// `mcps add|list|remove`: the organization's MCPs, through the same services (and rules) as
// /v1. `mcps add --login` signs in to plex.tv with a PIN and adds one of the account's servers,
// so nobody has to find a server's address and token by hand.

import * as v from 'valibot';
import { CreateMcpBody } from '../routes/schemas.js';
import { createMcp, deleteMcp, listMcps } from '../services/mcps.js';
import type { Mcp } from '../services/views.js';
import { UsageError } from './admin-errors.js';
import { allItems } from './all-items.js';
import { positionalArgument, stringOption, validated } from './arguments.js';
import { type AdminCommand, lines, printResult } from './command.js';
import { type PlexServerChoice, signInAndChooseServer } from './plex-login.js';
import { formatTable } from './table.js';
import { targetOrganization } from './target-organization.js';

/** `mcps add`: a Plex server (`--url --token`, or `--login`) or a remote MCP (`--remote`). */
export const mcpsAddCommand: AdminCommand = {
  group: 'mcps',
  name: 'add',
  options: {
    name: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    access: { type: 'string' },
    toolsets: { type: 'string' },
    remote: { type: 'boolean' },
    headers: { type: 'string' },
    login: { type: 'boolean' },
    server: { type: 'string' },
    timeout: { type: 'string' },
  },
  prepare(args) {
    const login = args.values.login === true;
    const remote = args.values.remote === true;
    if (login && remote)
      throw new UsageError('--login adds a Plex server; --remote is for others.');
    if (login && (stringOption(args, 'url') || stringOption(args, 'token'))) {
      throw new UsageError('--login finds the URL and token itself: leave out --url and --token.');
    }
    const common = {
      access: stringOption(args, 'access'),
      toolsets: listOption(stringOption(args, 'toolsets')),
    };
    const timeoutMs = timeoutOption(stringOption(args, 'timeout'));
    return async (session) => {
      const { storage, io } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      let chosen: PlexServerChoice | undefined;
      if (login) {
        chosen = await signInAndChooseServer({
          io,
          server: stringOption(args, 'server'),
          timeoutMs,
        });
      }
      const body = validated(
        CreateMcpBody,
        remote
          ? {
              kind: 'remote',
              name: stringOption(args, 'name'),
              url: stringOption(args, 'url'),
              headers: headersOption(stringOption(args, 'headers')),
              access: common.access,
            }
          : {
              kind: 'plex',
              name: stringOption(args, 'name') ?? chosen?.name,
              url: chosen?.url ?? stringOption(args, 'url'),
              token: chosen?.token ?? stringOption(args, 'token'),
              ...common,
            },
      );
      const mcp = await createMcp(storage, session.secretKey, caller, body);
      printResult(session, mcp, lines([`Added ${describe(mcp)}.`]));
    };
  },
};

/** `mcps list`: every MCP of the organization. */
export const mcpsListCommand: AdminCommand = {
  group: 'mcps',
  name: 'list',
  options: {},
  prepare(args) {
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const mcps = await allItems((page) => listMcps(storage, caller, page));
      printResult(
        session,
        mcps,
        mcps.length === 0
          ? lines(['No MCPs yet: `mcps add --login` adds a Plex server of your plex.tv account.'])
          : formatTable(
              ['ID', 'NAME', 'KIND', 'ACCESS', 'URL'],
              mcps.map((mcp) => [
                mcp.id,
                mcp.name,
                mcp.builtin ? `${mcp.kind} (this server's)` : mcp.kind,
                mcp.access,
                mcp.url ?? '(PLEX_URL)',
              ]),
            ),
      );
    };
  },
};

/** `mcps remove <mcp_id>`. */
export const mcpsRemoveCommand: AdminCommand = {
  group: 'mcps',
  name: 'remove',
  options: {},
  positional: '<mcp_id>',
  prepare(args) {
    const id = positionalArgument(args, '<mcp_id>');
    return async (session) => {
      const { storage } = session;
      const { caller } = await targetOrganization(storage, stringOption(args, 'org'));
      const removed = await deleteMcp(storage, caller, id);
      printResult(session, removed, lines([`Removed MCP ${removed.id}.`]));
    };
  },
};

function describe(mcp: Mcp): string {
  return `${mcp.kind} MCP "${mcp.name}" (${mcp.id}) at ${mcp.url ?? "the server's PLEX_URL"}, access ${mcp.access}`;
}

function listOption(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `--headers '{"Authorization": "Bearer …"}'`: one JSON object, as the API takes it. */
function headersOption(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new UsageError(
      '--headers must be a JSON object, e.g. \'{"Authorization": "Bearer …"}\'.',
    );
  }
}

/** `--timeout <seconds>` for the PIN approval, default 15 minutes. */
function timeoutOption(value: string | undefined): number {
  if (value === undefined) return 900_000;
  const seconds = v.safeParse(
    v.pipe(v.string(), v.transform(Number), v.number(), v.minValue(1)),
    value,
  );
  if (!seconds.success) throw new UsageError('--timeout must be a positive number of seconds.');
  return seconds.output * 1000;
}
