// Where the embedded SQLite database lives when nothing else is configured.

import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE_NAME = 'plexmcp.db';

/** What `defaultDataDir` looks at; defaults to this process's environment. */
export interface DataDirContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * `$PLEXMCP_DATA_DIR`, else the per-user data directory of the OS: Linux (and other Unixes)
 * `$XDG_DATA_HOME/plexmcp` or `~/.local/share/plexmcp`, macOS `~/Library/Application
 * Support/plexmcp`, Windows `%APPDATA%\plexmcp`. Only computes the path; see `ensureDataDir`.
 */
export function defaultDataDir(context: DataDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  // Windows paths must be joined with backslashes even when this runs elsewhere (tests).
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.PLEXMCP_DATA_DIR) return p.resolve(env.PLEXMCP_DATA_DIR);
  if (platform === 'win32') {
    return p.join(env.APPDATA || p.join(home, 'AppData', 'Roaming'), 'plexmcp');
  }
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', 'plexmcp');
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return p.join(xdg && p.isAbsolute(xdg) ? xdg : p.join(home, '.local', 'share'), 'plexmcp');
}

/** Creates the data directory (owner-only, 0700, since it holds keys and tokens) and returns it. */
export function ensureDataDir(dir: string): string {
  // mode applies to directories this call creates; an existing directory keeps its own.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The SQLite file in a data directory (default: `defaultDataDir()`). */
export function defaultDatabaseFile(dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, SQLITE_FILE_NAME);
}
