// The console's page and hashed assets, with their caching: an asset's name changes with its
// content, so browsers keep it for a year without asking; the page is asked for every time
// (it names the current assets), and is tiny.

import type { Context } from 'hono';
import { CONSOLE_HINT, type ConsoleAssets, type ConsoleFile } from './assets.js';
import { consoleError } from './replies.js';
import { secured } from './security-headers.js';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function send(c: Context, file: ConsoleFile, cacheControl: string): Response {
  const gzip =
    file.gzipped !== undefined && /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  const body = gzip ? file.gzipped! : file.body;
  const headers = secured(
    new Headers({
      'content-type': file.type,
      'cache-control': cacheControl,
      'content-length': String(body.byteLength),
      vary: 'Accept-Encoding',
    }),
  );
  if (gzip) headers.set('content-encoding', 'gzip');
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** The console's page, or a 404 that says how to install it. */
export function sendPage(c: Context, assets: ConsoleAssets | undefined): Response {
  if (!assets) {
    return new Response(`The web console is not installed on this server: ${CONSOLE_HINT}.\n`, {
      status: 404,
      headers: secured(
        new Headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }),
      ),
    });
  }
  return send(c, assets.page, 'no-cache');
}

/** One hashed asset, or 404. */
export function sendAsset(c: Context, assets: ConsoleAssets | undefined, name: string): Response {
  const file = assets?.assets.get(name);
  if (!file) return consoleError(404, 'not_found', 'No such console asset.');
  return send(c, file, `public, max-age=${YEAR_SECONDS}, immutable`);
}
