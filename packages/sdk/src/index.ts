export { createPlexMcpClient, type PlexMcpClientOptions } from './create-client.js';
export type * from './generated/tools.js';
export type {
  CallArgs,
  CallFailure,
  CallOptions,
  CallResult,
  CallSuccess,
  ErrorCode,
  Health,
  PlexMcpClient,
  ToolCallError,
  ToolImage,
  ToolInfo,
  ToolInput,
  ToolMap,
  ToolName,
  ToolOutput,
  ToolProgress,
  ToolShape,
} from './types.js';
