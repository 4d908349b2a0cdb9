#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { redactUrl } from '@plexmcp/plex-client';
// Inlined by the bundler: the version costs no file read at start.
import packageJson from '../package.json' with { type: 'json' };
import { ConfigError, isLoopbackHost, loadConfig, USAGE } from './config/config.js';
import type { DemoOrganization } from './http/demo-organization.js';
import { printVersion, runOneShotCommand } from './one-shot-commands.js';
import { checkPlex } from './plex-check.js';
import { connectPlex } from './plex-connection.js';
import { createPlexMcpServer } from './server/create-server.js';
import { createStderrLogger } from './server/logger.js';
import { log, printHelp } from './terminal.js';

/** This build's version, as `--version` prints it and `initialize` reports it. */
const VERSION = packageJson.version;

/**
 * Said when stdio is started by hand: without it a person sees a silent, waiting process and
 * thinks it hung.
 */
function terminalStdioHint(demo: boolean): string {
  return `waiting for an MCP client on stdin: this is the stdio transport, which an MCP client starts and talks JSON-RPC to. To try ${demo ? 'the demo' : 'it'} from a browser or curl, run with --transport http instead. Ctrl-C stops.`;
}

/**
 * What `pnpm demo` prints: where to point a client, how to poke it, a config to paste. With keys
 * the examples carry a placeholder (the operator's keys are secrets and never printed), except
 * the demo organization's admin key: made by this process for a throwaway database, it is the
 * one key the person cannot know otherwise.
 */
function demoHelp(
  url: string,
  withKeys: boolean,
  demo?: DemoOrganization,
  plexTvUrl?: string,
): string[] {
  const key = demo?.adminKey ?? '<your API key>';
  const config = {
    mcpServers: {
      plex: {
        type: 'http',
        url: `${url}/mcp`,
        ...(withKeys ? { headers: { 'X-API-KEY': key } } : {}),
      },
    },
  };
  const organization = demo
    ? [
        `  Admin key:   ${demo.adminKey}`,
        `               (organization "${demo.name}", owner ${demo.ownerEmail}; a throwaway key of this demo's temporary database, deleted when it stops)`,
        `  Platform:    curl -s -H 'Authorization: Bearer ${demo.adminKey}' ${url}/v1/organization`,
        `  Console:     ${url}/  (sign in with the admin key above)`,
        // The emulator stands in for plex.tv: its owner approves the console's "Add MCP" code.
        // Its token is named, not printed: no Plex token is ever written to the log.
        ...(plexTvUrl
          ? [
              `  plex.tv:     ${plexTvUrl}  (approve a console code as the demo Plex's owner: curl -X PUT -H 'X-Plex-Token: <the emulator's owner token, in @plexmcp/plex-emulator's README>' '${plexTvUrl}/api/v2/pins/link?code=<code>')`,
            ]
          : []),
      ]
    : [];
  return [
    'demo ready.',
    `  MCP URL:     ${url}/mcp`,
    ...organization,
    `  Try it:      curl -s ${withKeys ? `-H 'X-API-KEY: ${key}' ` : ''}${url}/tools`,
    '  Client config (Cursor, Claude Code, VS Code "servers" take the same entry):',
    ...JSON.stringify(config, null, 2)
      .split('\n')
      .map((line) => `    ${line}`),
    '  Stop with Ctrl-C.',
  ];
}

/** Said at start when no key exists yet: how to make the first one. */
const ADMIN_INIT_HINT =
  'no API keys yet: create your organization and its first key with `plex-mcp-server admin init --org <name> --email <email>` (same database: --database or PLEXMCP_DATABASE_URL / PLEXMCP_DATA_DIR).';

/**
 * Which keys the server takes. Without any, a loopback server is open to this machine, while one
 * on another interface (allowed because the platform can hold keys) refuses all but /health.
 */
function keysSummary(configured: number, managed: boolean, loopback: boolean): string {
  const parts = [
    ...(configured > 0 ? [`${configured} configured API key${configured === 1 ? '' : 's'}`] : []),
    ...(managed ? ['managed API keys'] : []),
  ];
  if (parts.length > 0) return parts.join(' and ');
  return loopback
    ? 'no API keys, loopback only'
    : 'no API keys yet: refusing requests until one is made';
}

/**
 * Opens the platform for HTTP mode when it is installed; without it the server runs on its
 * configured keys and says how to add organizations and managed keys.
 */
async function openPlatformFor(
  config: Exclude<ReturnType<typeof loadConfig>, 'help' | 'version'>,
  logger: ReturnType<typeof createStderrLogger>,
  demo: DemoOrganization | undefined,
  usageFlushMs: number | undefined,
) {
  const { loadPlatform, PLATFORM_HINT } = await import('./http/platform.js');
  try {
    const platform = await loadPlatform({
      env: demo?.env ?? process.env,
      database: demo?.database ?? config.database,
      demo: config.demo,
      staticKeys: config.apiKeys.length > 0,
      // The server's own Plex, as the default organization's MCP list first shows it.
      builtinMcp: {
        access: config.readOnly ? 'read' : config.access,
        toolsets: config.toolsets ?? null,
      },
      log: { error: (message) => logger.error(message) },
      ...(usageFlushMs !== undefined ? { usage: { flushIntervalMs: usageFlushMs } } : {}),
    });
    if (!platform) {
      logger.info(`/v1, organizations and managed keys are off: ${PLATFORM_HINT}.`);
      return undefined;
    }
    logger.info(`platform data: ${platform.location}`);
    return platform;
  } catch (error) {
    // A database that cannot be opened, or a lost secret key: the message says what to do.
    log(`cannot open the platform's database: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** `--demo-organization`: the demo's organization and key, or an exit saying what is missing. */
async function demoOrganizationFor(
  config: Exclude<ReturnType<typeof loadConfig>, 'help' | 'version'>,
): Promise<DemoOrganization | undefined> {
  if (!config.demoOrganization) return undefined;
  const { createDemoOrganization, PlatformMissingError } = await import(
    './http/demo-organization.js'
  );
  try {
    return await createDemoOrganization(process.env);
  } catch (error) {
    log(
      error instanceof PlatformMissingError
        ? error.message
        : `cannot create the demo organization: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  // Commands that run instead of a server (they own stdout) end here.
  if (await runOneShotCommand(process.argv.slice(2))) return;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (error) {
    log(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  if (config === 'help') {
    printHelp(USAGE);
    return;
  }
  if (config === 'version') {
    printVersion(VERSION);
    return;
  }
  // The token never reaches a log line, in any encoding.
  const logger = createStderrLogger(config.logLevel, undefined, [config.plexToken ?? '']);
  logger.debug(
    `config: transport=${config.transport} demo=${config.demo} access=${config.access} toolsets=${config.toolsets?.join(',') ?? 'all'} read-only=${config.readOnly} plex=${config.demo ? 'emulator' : redactUrl(config.plexUrl ?? '')}`,
  );
  const connection = await connectPlex(config);
  const tools = {
    access: config.access,
    readOnly: config.readOnly,
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
    ...(config.dynamicToolsets ? { dynamicToolsets: true } : {}),
  };
  const toolConfig = {
    ...(config.plexUsername ? { defaultUsername: config.plexUsername } : {}),
    // stdio reads any path unless the operator names a folder; HTTP none without one.
    ...(config.uploadDir ? { localFiles: { dir: config.uploadDir } } : {}),
  };
  if (config.transport === 'http') {
    // HTTP code is loaded only in HTTP mode, so stdio starts pay nothing for it.
    const { startHttpServer } = await import('./http/server.js');
    const { shutdownSettings } = await import('./http/shutdown-settings.js');
    let settings: ReturnType<typeof shutdownSettings>;
    try {
      settings = shutdownSettings(process.env);
    } catch (error) {
      log((error as Error).message);
      process.exit(2);
    }
    const demoOrganization = await demoOrganizationFor(config);
    const platform = await openPlatformFor(config, logger, demoOrganization, settings.usageFlushMs);
    let http: Awaited<ReturnType<typeof startHttpServer>>;
    try {
      http = await startHttpServer({
        ...(platform ? { platform } : {}),
        plex: connection.plex,
        version: VERSION,
        plexTimeoutMs: config.timeoutMs,
        ...(connection.plexTvUrl ? { plexTvUrl: connection.plexTvUrl } : {}),
        tools,
        config: toolConfig,
        logger,
        host: config.host,
        port: config.port,
        apiKeys: config.apiKeys,
        allowedHosts: config.allowedHosts,
        allowedOrigins: config.allowedOrigins,
        stateless: config.stateless,
        rateLimit: config.rateLimit,
        limits: config.limits,
      });
    } catch (error) {
      await platform?.close();
      if (error instanceof ConfigError) {
        log(error.message);
        process.exit(2);
      }
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      log(`${(error as Error).message}. Pick another with --port <n> or PLEX_MCP_PORT.`);
      process.exit(1);
    }
    let closing = false;
    // Stop taking requests, let those in flight finish (bounded), then end the sessions and
    // write the counted usage: a rolling restart loses neither calls nor counts.
    const shutdown = async () => {
      if (closing) return;
      closing = true;
      logger.info(
        `stopping: finishing the requests in flight (at most ${settings.drainMs / 1000} s)`,
      );
      const cut = await http.drain(settings.drainMs);
      if (cut > 0) logger.warn(`stopping: ${cut} request(s) still running were cut off`);
      await http.close();
      await platform?.close();
      await connection.close();
      logger.info('stopped');
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    const keys = config.apiKeys.length;
    const managed = (await platform?.hasIssuedKeys()) === true;
    logger.info(
      `${config.demo ? 'serving the demo library' : 'serving'} over HTTP at ${http.url}/mcp (REST: ${http.url}/tools${platform ? `; platform API: ${http.url}/v1` : ''}; ${keysSummary(keys, managed, isLoopbackHost(config.host))}${config.stateless ? '; stateless' : ''})`,
    );
    if (platform && keys === 0 && !managed) logger.info(ADMIN_INIT_HINT);
    // One entry a line: the log keeps every entry on one line.
    if (config.demo) {
      const help = demoHelp(http.url, keys > 0 || managed, demoOrganization, connection.plexTvUrl);
      for (const line of help) logger.info(line);
    }
    void checkPlex({ plex: connection.plex, plexUrl: connection.url, logger });
    return;
  }
  const server = createPlexMcpServer({
    plex: connection.plex,
    version: VERSION,
    tools,
    config: toolConfig,
    logger,
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
  logger.info(config.demo ? 'serving the demo library over stdio' : 'serving over stdio');
  if (process.stdin.isTTY) logger.info(terminalStdioHint(config.demo));
  // Not awaited: the client's initialize and tools/list must not wait on Plex.
  void checkPlex({ plex: connection.plex, plexUrl: connection.url, logger });
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
