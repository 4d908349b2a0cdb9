import type { CallContext, ToolErrorInfo, ToolResult } from '@plexmcp/plex-tools';
import { type AnyTool, runTool } from '@plexmcp/plex-tools';

/**
 * What this server's operator changes to fix a failure, in this server's own settings. The tools
 * say what went wrong in words that fit any deployment; the settings that fix it are ours.
 */
const SETTING_HINTS: Partial<Record<ToolErrorInfo['code'], string>> = {
  UNAUTHORIZED: ' Check PLEX_TOKEN, or run `plex-mcp-server login` for a new one.',
  PLEX_UNREACHABLE: ' Check PLEX_URL and that Plex Media Server is running.',
};

/** The first sentence of a message: the fact, before the client's generic advice. */
const FACT = /^[\s\S]*?\.(?= )/;

/** A tool error with this server's settings named where they are the fix. */
export function withDeploymentHint(error: ToolErrorInfo): ToolErrorInfo {
  if (error.code === 'INVALID_INPUT' && error.details?.local_files === 'off') {
    return {
      ...error,
      message: `${error.message} (The operator names one with --upload-dir or PLEX_MCP_UPLOAD_DIR.)`,
    };
  }
  const hint = SETTING_HINTS[error.code];
  // Only Plex's own answers: a tool may raise these codes for other reasons with its own advice.
  if (!hint || error.details?.plex_code === undefined) return error;
  // Our hint replaces the client's generic advice ("Check the URL…") rather than repeating it.
  const fact = FACT.exec(error.message)?.[0] ?? error.message;
  return { ...error, message: `${fact}${hint}` };
}

/** `runTool` with this server's deployment hints on its failures: what every door runs. */
export async function runServedTool(
  tool: AnyTool,
  args: unknown,
  ctx: CallContext,
): Promise<ToolResult> {
  const result = await runTool(tool, args, ctx);
  return result.ok ? result : { ok: false, error: withDeploymentHint(result.error) };
}
