import { type AnyTool, accessAllows, findTool, type ListToolsOptions } from '@plexmcp/plex-tools';

/**
 * Why a real tool is not served, naming the server setting that would serve it, or undefined
 * when `name` is no tool at all (or nothing in `options` hides it). Lives here, not in
 * plex-tools, because only the server knows its own flags.
 */
export function hiddenToolReason(name: string, options: ListToolsOptions = {}): string | undefined {
  const tool = findTool(name);
  if (!tool) return undefined;
  const reasons: string[] = [];
  if (options.readOnly && tool.access !== 'read') {
    reasons.push(`it needs ${tool.access} access and the server runs with --read-only`);
  } else if (!accessAllows(options.access ?? 'write', tool.access)) {
    reasons.push(`it needs ${tool.access} access (start the server with --access ${tool.access})`);
  }
  if (options.toolsets && !options.toolsets.includes(tool.module)) {
    reasons.push(`its module (${tool.module}) is not in --toolsets`);
  }
  if (reasons.length === 0) return undefined;
  return `${name} is hidden on this server: ${reasons.join('; and ')}.`;
}

/** Why a served tool is outside an API key's scopes. */
export function outOfScopeReason(tool: AnyTool): string {
  return `This API key's scopes do not include ${tool.access}, which ${tool.name} needs.`;
}
