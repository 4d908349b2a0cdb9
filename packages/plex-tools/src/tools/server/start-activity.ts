import type { CallOptions } from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';

/** Output of a tool that starts a background maintenance activity and returns at once. */
export const activityStarted = v.object({ status: v.literal('started'), message: v.string() });

/** Starts a background maintenance activity through `start` and says so with `message`. */
export async function startActivity(
  ctx: ToolContext,
  start: (options: CallOptions) => Promise<void>,
  message: string,
): Promise<v.InferInput<typeof activityStarted>> {
  await start({ signal: ctx.signal });
  return { status: 'started', message };
}
