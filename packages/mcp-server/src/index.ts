export {
  type ApiKey,
  ConfigError,
  loadConfig,
  parseApiKeys,
  type ServerConfig,
} from './config/config.js';
export { type RestTool, restTool } from './http/tool-listing.js';
export { connectPlex, type PlexConnection } from './plex-connection.js';
export { createPlexMcpServer, type PlexMcpServerOptions } from './server/create-server.js';
export { toCallToolResult } from './server/tool-result.js';
