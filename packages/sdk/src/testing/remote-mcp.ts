// Another MCP server for the platform to proxy, as an organization adds one with `kind:
// 'remote'`: a real MCP server (the MCP SDK's own, over stateless Streamable HTTP on loopback)
// with one tool, `greet`, that checks the header the platform must send with every request.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/** The remote's tools, as a generated map for it would say. */
export interface GreeterTools {
  greet: { input: { name: string }; output: { greeting: string } };
}

/** The running remote MCP: its endpoint and the header value it requires. */
export interface RemoteMcp {
  url: string;
  close(): Promise<void>;
}

/** Starts the greeter; every request must carry `Authorization: <authorization>`. */
export async function startRemoteMcp(authorization: string): Promise<RemoteMcp> {
  const http = createServer(async (req, res) => {
    if (req.headers.authorization !== authorization) {
      res.writeHead(401).end();
      return;
    }
    // Stateless: a fresh server and transport per request, as the MCP SDK documents it.
    const server = new Server(
      { name: 'greeter', version: '1.0.0' },
      { capabilities: { tools: {} } },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [
        {
          name: 'greet',
          description: 'Greets someone by name.',
          inputSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
          },
          annotations: { readOnlyHint: true },
        },
      ],
    }));
    server.setRequestHandler(CallToolRequestSchema, (request) => {
      const name = String(request.params.arguments?.name ?? '');
      return { content: [{ type: 'text', text: JSON.stringify({ greeting: `Hello, ${name}!` }) }] };
    });
    // No sessionIdGenerator: stateless mode.
    const transport = new StreamableHTTPServerTransport({});
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
