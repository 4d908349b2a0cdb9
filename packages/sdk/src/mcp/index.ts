export {
  connectPlexMcpClient,
  type PlexMcpSession,
  type PlexMcpSessionOptions,
} from './connect.js';
