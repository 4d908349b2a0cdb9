import type { AnyTool, ToolAccess, ToolAnnotations, ToolModule } from './define-tool.js';
import { type JsonSchemaObject, jsonSchemaOf } from './json-schema.js';
import { TOOLS } from './registry.js';

/** Which tools a session sees. */
export interface ListToolsOptions {
  /** Highest scope granted; scopes are cumulative. Default `write` (delete tools hidden). */
  access?: ToolAccess;
  /** Modules to include. Default all. */
  toolsets?: readonly ToolModule[];
  /** Only read tools, whatever `access` says. */
  readOnly?: boolean;
}

/** A tool as listed to MCP `tools/list` and REST `/tools`. */
export interface ToolDescriptor {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchemaObject;
  outputSchema: JsonSchemaObject;
  annotations: ToolAnnotations;
  access: ToolAccess;
  module: ToolModule;
}

const RANK: Record<ToolAccess, number> = { read: 0, write: 1, delete: 2 };

/** True when a tool needing `needed` is allowed under the granted scope. */
export function accessAllows(granted: ToolAccess, needed: ToolAccess): boolean {
  return RANK[needed] <= RANK[granted];
}

/** The tools a session may see and call, in registry order. */
export function visibleTools(options: ListToolsOptions = {}): AnyTool[] {
  const granted: ToolAccess = options.readOnly ? 'read' : (options.access ?? 'write');
  const modules = options.toolsets ? new Set(options.toolsets) : undefined;
  return TOOLS.filter(
    (tool) => accessAllows(granted, tool.access) && (!modules || modules.has(tool.module)),
  );
}

// JSON Schemas are built once per tool, on first listing, and reused for every session.
const descriptors = new Map<AnyTool, ToolDescriptor>();

/** The descriptor of one tool. */
export function describeTool(tool: AnyTool): ToolDescriptor {
  let descriptor = descriptors.get(tool);
  if (!descriptor) {
    descriptor = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchemaOf(tool.input, 'input'),
      outputSchema: jsonSchemaOf(tool.output, 'output'),
      annotations: tool.annotations,
      access: tool.access,
      module: tool.module,
    };
    descriptors.set(tool, descriptor);
  }
  return descriptor;
}

/** Descriptors of the visible tools: the single source for MCP `tools/list` and REST `/tools`. */
export function listTools(options: ListToolsOptions = {}): ToolDescriptor[] {
  return visibleTools(options).map(describeTool);
}
