import { type RunningBin, startBuiltServer } from './built-bin.js';
import type { Transcript } from './transcript.js';

/** The built server in HTTP mode. */
export interface BuiltHttpServer extends RunningBin {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
}

/** Starts the built binary with `--transport http --port 0` and waits for its URL. */
export async function startBuiltHttpServer(options: {
  args?: readonly string[];
  env?: Record<string, string>;
  transcript?: Transcript;
}): Promise<BuiltHttpServer> {
  const running = await startBuiltServer({
    args: ['--transport', 'http', '--port', '0', ...(options.args ?? [])],
    ...(options.env ? { env: options.env } : {}),
    ...(options.transcript ? { transcript: options.transcript } : {}),
    ready: /over HTTP at (http:\/\/127\.0\.0\.1:\d+)\/mcp/,
  });
  return { ...running, url: running.match[1] as string };
}
