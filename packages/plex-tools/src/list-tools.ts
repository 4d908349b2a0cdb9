import type { AnyTool, ToolAccess, ToolAnnotations, ToolModule } from './define-tool.js';
import { TOOL_JSON_SCHEMAS } from './generated/schemas/index.js';
import { type JsonSchemaObject, jsonSchemaOf } from './json-schema.js';
import { findTool, TOOLS } from './registry.js';

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

/** Input and output JSON Schemas of one tool. */
export interface ToolJsonSchemas {
  input: JsonSchemaObject;
  output: JsonSchemaObject;
}

/** The registry tools' JSON Schemas, converted once and stored with the source, one file a tool. */
const PRECOMPUTED: Readonly<Record<string, ToolJsonSchemas | undefined>> = TOOL_JSON_SCHEMAS;

/**
 * Converts a tool's valibot schemas to JSON Schema. Converting all 61 took a tenth of the
 * server's cold start, so the registry's own tools take theirs from the stored files
 * (src/generated/schemas, which json-schema.test.ts keeps in step with the source); other
 * tools are converted here.
 */
export function jsonSchemasOf(tool: AnyTool, stored = true): ToolJsonSchemas {
  const saved = stored && findTool(tool.name) === tool ? PRECOMPUTED[tool.name] : undefined;
  if (saved) return { input: saved.input, output: saved.output };
  return {
    input: jsonSchemaOf(tool.input, 'input'),
    output: jsonSchemaOf(tool.output, 'output'),
  };
}

// Descriptors are built once per tool, on first listing, and reused for every session.
const descriptors = new Map<AnyTool, ToolDescriptor>();

/** The descriptor of one tool. */
export function describeTool(tool: AnyTool): ToolDescriptor {
  let descriptor = descriptors.get(tool);
  if (!descriptor) {
    const schemas = jsonSchemasOf(tool);
    descriptor = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: schemas.input,
      outputSchema: schemas.output,
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
