// The console's built files (the @plexmcp/console package: Vite's output in its dist/web), read
// once into memory: a few hundred kB at most, served without touching the disk again. Hashed
// assets are cached by browsers for a year; the page itself is revalidated on every load, so a
// new build is picked up at once.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The package that holds the console, as said in messages. */
export const CONSOLE_PACKAGE = '@plexmcp/console';

/** How to get the console when it is missing. */
export const CONSOLE_HINT = `install ${CONSOLE_PACKAGE} beside the server (npx -p @plexmcp/mcp-server -p @plexmcp/platform -p ${CONSOLE_PACKAGE} plex-mcp-server --transport http, or npm install ${CONSOLE_PACKAGE}), or point PLEXMCP_CONSOLE_DIR at a console build`;

/** One file ready to send. */
export interface ConsoleFile {
  body: Uint8Array;
  /** The same body gzipped, when that is smaller. */
  gzipped: Uint8Array | undefined;
  type: string;
}

/** The console's page and its hashed assets by file name. */
export interface ConsoleAssets {
  page: ConsoleFile;
  assets: ReadonlyMap<string, ConsoleFile>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Where the built console is: `PLEXMCP_CONSOLE_DIR` when set (a development build, or the
 * workspace, where the package is not a dependency of the server), else the dist/web folder of
 * the @plexmcp/console installed beside the server. Undefined when there is none. Resolved,
 * never imported: the console is files to serve, not code for the server to bundle.
 */
export function consoleDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PLEXMCP_CONSOLE_DIR?.trim();
  if (configured) return configured;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${CONSOLE_PACKAGE}/package.json`);
    return join(dirname(manifest), 'dist', 'web');
  } catch {
    return undefined;
  }
}

function prepared(path: string): ConsoleFile {
  const body = readFileSync(path);
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const compressible = type.startsWith('text/') || type.includes('json') || type.includes('svg');
  const gzipped = compressible ? gzipSync(body, { level: 9 }) : undefined;
  return { body, type, gzipped: gzipped && gzipped.length < body.length ? gzipped : undefined };
}

/** Reads the console at `dir`; undefined when it holds no built console (no index.html). */
export function loadConsoleAssets(dir: string | undefined): ConsoleAssets | undefined {
  if (dir === undefined) return undefined;
  let page: ConsoleFile;
  try {
    page = prepared(join(dir, 'index.html'));
  } catch {
    return undefined;
  }
  const assets = new Map<string, ConsoleFile>();
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, 'assets'));
  } catch {
    // A page without assets is still a page.
  }
  for (const name of names) assets.set(name, prepared(join(dir, 'assets', name)));
  return { page, assets };
}
