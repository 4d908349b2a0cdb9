import { type AnyTool, describeTool, type ToolAccess } from '@plexmcp/plex-tools';

/** A tool as REST `/tools` lists it (the shape code generators consume). */
export interface RestTool {
  name: string;
  title: string;
  description: string;
  parameters: Record<string, unknown>;
  output_schema: Record<string, unknown>;
  annotations: Record<string, unknown>;
  access: ToolAccess;
  module: string;
}

/** A tool in the `/tools` shape. */
export function restTool(tool: AnyTool): RestTool {
  const d = describeTool(tool);
  return {
    name: d.name,
    title: d.title,
    description: d.description,
    parameters: d.inputSchema,
    output_schema: d.outputSchema,
    annotations: { ...d.annotations },
    access: d.access,
    module: d.module,
  };
}

/** A tool as MoviePilot's API lists it: `{name, description, inputSchema}`. */
export interface MoviePilotTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** A tool in MoviePilot's `/api/v1/mcp/tools` shape. */
export function moviePilotTool(tool: AnyTool): MoviePilotTool {
  const d = describeTool(tool);
  return { name: d.name, description: d.description, inputSchema: d.inputSchema };
}
