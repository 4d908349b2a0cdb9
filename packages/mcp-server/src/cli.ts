#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError, loadConfig, USAGE } from './config/config.js';
import { connectPlex } from './plex-connection.js';
import { createPlexMcpServer } from './server/create-server.js';

/** stdout belongs to JSON-RPC in stdio mode: everything a person should read goes to stderr. */
function log(message: string): void {
  process.stderr.write(`plex-mcp-server: ${message}\n`);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (error) {
    log(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const connection = await connectPlex(config);
  const tools = {
    access: config.access,
    readOnly: config.readOnly,
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
  };
  const toolConfig = config.plexUsername ? { defaultUsername: config.plexUsername } : {};
  if (config.transport === 'http') {
    // HTTP code is loaded only in HTTP mode, so stdio starts pay nothing for it.
    const { startHttpServer } = await import('./http/server.js');
    const http = await startHttpServer({
      plex: connection.plex,
      tools,
      config: toolConfig,
      host: config.host,
      port: config.port,
      apiKeys: config.apiKeys,
      allowedHosts: config.allowedHosts,
      stateless: config.stateless,
    });
    let closing = false;
    const shutdown = async () => {
      if (closing) return;
      closing = true;
      await http.close();
      await connection.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    const keys = config.apiKeys.length;
    log(
      `${config.demo ? 'serving the demo library' : 'serving'} over HTTP at ${http.url}/mcp (REST: ${http.url}/tools; ${keys === 0 ? 'no API keys, loopback only' : `${keys} API key${keys === 1 ? '' : 's'}`}${config.stateless ? '; stateless' : ''})`,
    );
    return;
  }
  const server = createPlexMcpServer({
    plex: connection.plex,
    tools,
    config: toolConfig,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close().catch(() => undefined);
    await connection.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await server.connect(new StdioServerTransport());
  log(config.demo ? 'serving the demo library over stdio' : 'serving over stdio');
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
