import type { ToolInput, ToolName } from '../registry.js';

/**
 * Arguments every tool accepts against the emulator's demo library, by tool name: seeds for
 * fault, property and protocol tests (here and in mcp-server's). Test-only: not part of the
 * published package (the workspace resolves `@plexmcp/plex-tools/sample-args` here for tests).
 * The type demands an entry for every tool with arguments its schema accepts at compile time;
 * a test checks them against the schemas at run time too.
 */
export const SAMPLE_ARGS: { readonly [Name in ToolName]: ToolInput<Name> } = {
  library_list: {},
  library_get_details: { library: 'Movies' },
  library_get_stats: { library: 'Movies' },
  library_refresh: { library: 'Movies' },
  library_scan: { library: 'Movies' },
  library_get_recently_added: {},
  library_get_contents: { library: 'Movies' },
  media_search: { query: 'night' },
  media_get_details: { media: '1000' },
  media_get_children: { media: '1019' },
  media_edit_metadata: { media: '1000', summary: 'x' },
  media_set_watched: { media: '1000', watched: true },
  media_delete: { media_id: '1000', confirm: 'Night of the Living Dead' },
  media_get_artwork: { media: '1000' },
  media_list_available_artwork: { media: '1000' },
  media_set_artwork: { media: '1000', art_type: 'poster', url: 'https://example.com/p.png' },
  media_get_related: { media: '1000' },
  playlist_list: {},
  playlist_get_contents: { playlist: '1073' },
  playlist_create: { title: 'x', items: ['1000'] },
  playlist_edit: { playlist: '1073', new_title: 'y' },
  playlist_add_to: { playlist: '1073', items: ['1000'] },
  playlist_remove_from: { playlist: '1073', items: ['1000'] },
  playlist_delete: { playlist_id: '1073', confirm: 'Friday Night Noir' },
  playlist_upload_poster: { playlist: '1073', url: 'https://example.com/p.png' },
  playlist_copy_to_user: { playlist: '1073', username: 'jordan_k' },
  collection_list: {},
  collection_get_contents: { collection: '1017' },
  collection_create: { title: 'x', library: 'Movies', items: ['1000'] },
  collection_add_to: { collection: '1017', items: ['1000'] },
  collection_remove_from: { collection: '1017', items: ['1000'] },
  collection_edit: { collection: '1017', new_summary: 'x' },
  collection_delete: { collection_id: '1017', confirm: 'Silent Era' },
  user_list_all_users: {},
  user_search_users: { search_term: 'jo' },
  user_get_info: {},
  user_get_on_deck: {},
  user_get_continue_watching: {},
  user_get_watch_history: {},
  user_get_statistics: { time_period: 'last_30_days' },
  sessions_get_active: {},
  sessions_get_media_playback_history: { media: '1000' },
  sessions_terminate: { session_id: 'x', confirm: 'jordan_k' },
  server_get_info: {},
  server_get_plex_logs: {},
  server_get_bandwidth: { timespan: 'days' },
  server_get_current_resources: {},
  server_get_butler_tasks: {},
  server_run_butler_task: { task_name: 'OptimizeDatabase' },
  server_get_alerts: { timeout_seconds: 1 },
  server_empty_trash: {},
  server_optimize_database: {},
  server_clean_bundles: {},
  client_list: {},
  client_get_details: { client: 'Living Room TV' },
  client_get_timelines: { client: 'Living Room TV' },
  client_get_active: {},
  client_start_playback: { client: 'Living Room TV', media: '1000' },
  client_control_playback: { client: 'Living Room TV', action: 'pause' },
  client_navigate: { client: 'Living Room TV', action: 'up' },
  client_set_streams: { client: 'Living Room TV', subtitle_stream_id: 0 },
};

/** The sample arguments of a tool named at run time (e.g. while walking `TOOLS`). */
export function sampleArgsFor(name: string): Readonly<Record<string, unknown>> {
  const args = (SAMPLE_ARGS as Readonly<Record<string, Readonly<Record<string, unknown>>>>)[name];
  if (!args) throw new Error(`no sample arguments for ${name}: add them to SAMPLE_ARGS`);
  return args;
}
