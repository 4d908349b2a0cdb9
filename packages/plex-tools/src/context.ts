import type { PlexClient } from '@plexmcp/plex-client';

/**
 * Where `file_path` inputs may read local image files: `'anywhere'` the process can read,
 * `'off'` (refused; callers give a `url` instead), or only inside `dir`, symlinks resolved.
 */
export type LocalFilePolicy = 'anywhere' | 'off' | { dir: string };

/** Settings tools read besides their arguments. */
export interface ToolConfig {
  /** Plex username used when a user tool is called without `username` (PLEX_USERNAME). */
  defaultUsername?: string;
  /**
   * Which local files `file_path` inputs (media_set_artwork, playlist_upload_poster) may read.
   * Default `'anywhere'`: a library user or a local stdio server reads its own files. A server
   * that strangers can call should pass `{ dir }` (its upload directory) or `'off'`.
   */
  localFiles?: LocalFilePolicy;
}

/** A progress report from a long tool. */
export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

/** An image a tool returns beside its JSON (MCP image content; never base64 inside JSON). */
export interface ToolImage {
  data: Uint8Array;
  mimeType: string;
}

/** What a tool's `run` receives. */
export interface ToolContext {
  plex: PlexClient;
  config: ToolConfig;
  /** Aborted when the caller cancels; pass it to every Plex call. */
  signal: AbortSignal;
  /** Reports progress of long operations. */
  progress(update: ProgressUpdate): void;
  /** Attaches an image to the result. */
  attachImage(image: ToolImage): void;
}
