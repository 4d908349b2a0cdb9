// One MCP SDK client per remote MCP, over Streamable HTTP to its URL with its stored headers,
// shared by every caller and door, and replaced when the MCP changes (a new updated_at) or the
// remote forgets our session. Every use is bounded: connecting and the request together get at
// most `timeoutMs`, so a remote that hangs never holds a caller longer than that.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type {
  JsonSchemaValidatorResult,
  jsonSchemaValidator,
} from '@modelcontextprotocol/sdk/validation/types.js';
import type { McpTarget } from '@plexmcp/platform';
import { ToolError } from '@plexmcp/plex-tools';
import type { Logger } from '../server/logger.js';
import { isSessionLost, RemoteTimeout, remoteFailure } from './remote-errors.js';

/** How the remote clients are made. */
export interface RemoteClientsOptions {
  /** The bound on connecting plus one request, in milliseconds. */
  timeoutMs: number;
  /** Reported to remotes in `initialize`. */
  version: string;
  logger?: Logger | undefined;
}

/** A request to a connected remote, with the options that bound it. */
export type RemoteOperation<T> = (client: Client, options: RequestOptions) => Promise<T>;

interface Connection {
  stamp: string;
  client: Promise<Client>;
}

/** The remote MCP's stored headers (a JSON object of strings), or none. */
function headersOf(target: McpTarget): Record<string, string> {
  if (target.secret === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(target.secret);
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((value) => typeof value === 'string');
  if (!valid) {
    // Never the value itself: it is the secret.
    throw new ToolError('INTERNAL', `The headers stored for MCP ${target.mcp.id} are unreadable.`);
  }
  return parsed as Record<string, string>;
}

/** `promise`, or the signal's reason as soon as it is aborted (the promise goes on for others). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Remote answers are relayed, not judged: a remote tool's structured result goes to our caller
 * as the remote sent it, and the caller (an assistant on /mcp/{id}, a program on /v1) checks it
 * against the tool's output schema if it wants to. The SDK's default (Ajv) is not in the binary
 * either: it is replaced there by a stand-in that refuses every schema (see tsup.config.ts), so
 * without this a remote tool with an output schema could not be called at all.
 */
const PASS_THROUGH: jsonSchemaValidator = {
  getValidator:
    <T>() =>
    (input: unknown): JsonSchemaValidatorResult<T> => ({
      valid: true,
      data: input as T,
      errorMessage: undefined,
    }),
};

export function createRemoteClients(options: RemoteClientsOptions) {
  const { timeoutMs, logger } = options;
  const connections = new Map<string, Connection>();

  const drop = (id: string, connection: Connection) => {
    if (connections.get(id) !== connection) return;
    connections.delete(id);
    void connection.client.then((client) => client.close()).catch(() => undefined);
  };

  const open = (target: McpTarget): Connection => {
    const { id, url } = target.mcp;
    if (url === null) throw new ToolError('INTERNAL', `MCP ${id} has no URL.`);
    const headers = headersOf(target);
    const client = new Client(
      { name: 'plexmcp', version: options.version },
      { capabilities: {}, jsonSchemaValidator: PASS_THROUGH },
    );
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers },
      // A lost stream is not retried behind our back: the next call reconnects if it must.
      reconnectionOptions: {
        maxRetries: 0,
        initialReconnectionDelay: 1000,
        maxReconnectionDelay: 1000,
        reconnectionDelayGrowFactor: 1,
      },
    });
    // Transport noise (a standalone stream ending) goes to the debug log, scrubbed of URLs.
    client.onerror = (error) => logger?.debug(remoteFailure(id, error).logDetail ?? '');
    // Connecting has a deadline of its own: callers share it, and one caller leaving must not
    // fail it for the others.
    const connected = client
      .connect(transport, { signal: AbortSignal.timeout(timeoutMs), timeout: timeoutMs })
      .then(() => client);
    const connection: Connection = { stamp: target.mcp.updated_at, client: connected };
    client.onclose = () => {
      if (connections.get(id) === connection) connections.delete(id);
    };
    // A failed connection is not kept: the next call tries again.
    connected.catch(() => drop(id, connection));
    connections.set(id, connection);
    return connection;
  };

  const connectionFor = (target: McpTarget): Connection => {
    const kept = connections.get(target.mcp.id);
    if (kept && kept.stamp === target.mcp.updated_at) return kept;
    if (kept) drop(target.mcp.id, kept);
    return open(target);
  };

  /**
   * Runs `operation` on the MCP's client within the bound, cancelled with the caller. A session
   * the remote forgot is reopened and the operation tried once more; a connection that failed or
   * timed out is dropped, so the next call starts afresh. Throws what the remote did wrong, as
   * the transport or the SDK reported it (`remoteFailure` words it).
   */
  async function use<T>(
    target: McpTarget,
    signal: AbortSignal,
    operation: RemoteOperation<T>,
  ): Promise<T> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new RemoteTimeout()), timeoutMs);
    const bounded = AbortSignal.any([signal, deadline.signal]);
    try {
      for (let attempt = 0; ; attempt++) {
        const connection = connectionFor(target);
        let connected = false;
        try {
          const client = await untilAborted(connection.client, bounded);
          connected = true;
          return await operation(client, { signal: bounded, timeout: timeoutMs });
        } catch (error) {
          if (deadline.signal.aborted) {
            // A remote that hangs holds sockets open: start afresh next time.
            drop(target.mcp.id, connection);
            throw new RemoteTimeout();
          }
          // The caller left: the connection is as good as it was.
          if (signal.aborted) throw error;
          if (connected && attempt === 0 && isSessionLost(error)) {
            drop(target.mcp.id, connection);
            continue;
          }
          // A JSON-RPC error the remote answered leaves the session fine; anything else may not.
          if (!isRpcError(error)) drop(target.mcp.id, connection);
          throw error;
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    use,
    /** Drops the client of an MCP that changed or was deleted. */
    forget(id: string) {
      const kept = connections.get(id);
      if (kept) drop(id, kept);
    },
    /** Closes every client (the server is stopping). */
    async closeAll() {
      const all = [...connections.entries()];
      for (const [id, connection] of all) drop(id, connection);
      await Promise.all(
        all.map(([, c]) => c.client.then((client) => client.close()).catch(() => undefined)),
      );
    },
  };
}

/** A JSON-RPC error answer from the remote (not the transport failing, not our timeout). */
function isRpcError(error: unknown): boolean {
  return (
    error instanceof McpError &&
    error.code !== ErrorCode.RequestTimeout &&
    error.code !== ErrorCode.ConnectionClosed
  );
}

/** The remote clients the runtime and the `/mcp/{id}` door share. */
export type RemoteClients = ReturnType<typeof createRemoteClients>;
