export { type CallContext, callTool, runTool, type ToolResult } from './call-tool.js';
export type {
  LocalFilePolicy,
  ProgressUpdate,
  ToolConfig,
  ToolContext,
  ToolImage,
} from './context.js';
export {
  type AnyTool,
  defineTool,
  type ToolAccess,
  type ToolAnnotations,
  type ToolDefinition,
  type ToolModule,
} from './define-tool.js';
export { ToolError, type ToolErrorCode, type ToolErrorInfo, toToolError } from './errors.js';
export {
  accessAllows,
  describeTool,
  type ListToolsOptions,
  listTools,
  type ToolDescriptor,
  visibleTools,
} from './list-tools.js';
export {
  findTool,
  TOOLS,
  type ToolInput,
  type ToolMap,
  type ToolName,
  type ToolOutput,
} from './registry.js';
