import type { AnyTool, ToolModule } from '@plexmcp/plex-tools';

/** One line per toolset (a plex-tools module), as `toolsets_list` shows it to a model. */
export const TOOLSET_SUMMARIES: Readonly<Record<ToolModule, string>> = {
  library: 'Libraries: list, stats, contents, recently added, refresh and scan',
  media: 'Items: search, details, children, edit metadata, watched state, artwork, related, delete',
  playlist: 'Playlists: list, contents, create, edit, add and remove items, poster, copy, delete',
  collection: 'Collections: list, contents, create, edit, add and remove items, delete',
  user: 'Users: accounts, on deck, continue watching, watch history, statistics',
  sessions: 'Playback sessions: who is watching now, play history of an item, stop a stream',
  server: 'Server: info, logs, bandwidth, resources, butler tasks, alerts, maintenance',
  client: 'Players: list, details, timelines, start and control playback, navigate, streams',
};

/** The toolsets that hold at least one of `tools`, in catalogue order, each with its tools. */
export function groupByToolset(tools: Iterable<AnyTool>): Map<ToolModule, AnyTool[]> {
  const groups = new Map<ToolModule, AnyTool[]>();
  for (const tool of tools) {
    const group = groups.get(tool.module);
    if (group) group.push(tool);
    else groups.set(tool.module, [tool]);
  }
  return groups;
}
