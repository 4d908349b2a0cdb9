import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createPlexMcpServer, type PlexMcpServerOptions } from '@plexmcp/mcp-server';
import { INITIALIZE_PARAMS, type RpcResponse } from './stdio-server.js';

/** The MCP server from the built package on a linked in-memory pair, driven with raw JSON-RPC. */
export interface InMemoryServer {
  request(method: string, params?: Record<string, unknown>): Promise<RpcResponse>;
  close(): Promise<void>;
}

/**
 * Connects `createPlexMcpServer` to one end of an in-memory pair and initializes the session
 * from the other end without the SDK's client, so timings hold only the server's own work.
 */
export async function connectInMemory(options: PlexMcpServerOptions): Promise<InMemoryServer> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createPlexMcpServer(options);
  const pending = new Map<number, (response: RpcResponse) => void>();
  clientSide.onmessage = (message: JSONRPCMessage) => {
    const id = (message as { id?: unknown }).id;
    if (typeof id === 'number' && pending.has(id)) {
      pending.get(id)?.(message as unknown as RpcResponse);
      pending.delete(id);
    }
  };
  await server.connect(serverSide);
  await clientSide.start();
  let nextId = 1;
  const request = (method: string, params?: Record<string, unknown>) => {
    const id = nextId++;
    return new Promise<RpcResponse>((resolve) => {
      pending.set(id, resolve);
      void clientSide.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    });
  };
  await request('initialize', INITIALIZE_PARAMS);
  await clientSide.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return {
    request,
    async close() {
      await server.close();
    },
  };
}
