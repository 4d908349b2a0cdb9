/** Figures RESULTS.md sets beside the two peer servers DESIGN.md timed on these machines. */
export type PeerFigure =
  | 'coldStartMs'
  | 'bytesPerTool'
  | 'stdioP50Ms'
  | 'stdioP99Ms'
  | 'rssAfterStartMiB'
  | 'rssAfterCallsMiB';

/**
 * The peers' figures and our targets, as DESIGN.md records them (two TypeScript Plex MCP servers
 * built from source and timed on the same 2-core machine: peer A with 37 tools, peer B with 58).
 */
export const PEERS: readonly {
  id: PeerFigure;
  label: string;
  peerA: string;
  peerB: string;
  target: string;
}[] = [
  {
    id: 'coldStartMs',
    label: 'cold start, spawn → tools/list (stdio), ms',
    peerA: '~370',
    peerB: '~290–330',
    target: '≤ 150',
  },
  {
    id: 'bytesPerTool',
    label: 'model-visible tools/list bytes per tool',
    peerA: '790',
    peerB: '386',
    target: '< 380',
  },
  {
    // Issue #20 timed peer B again with the emulator in a process of its own: 1.95 ms.
    id: 'stdioP50Ms',
    label: 'library-list call over stdio (emulator as its own process), p50 ms',
    peerA: '–',
    peerB: '1.6–2.0',
    target: '≤ 1.3 (0.67× peer B)',
  },
  {
    id: 'stdioP99Ms',
    label: 'library-list call over stdio (emulator as its own process), p99 ms',
    peerA: '5.5',
    peerB: '6.9',
    target: '≤ 6.9 (no worse than peer B)',
  },
  {
    id: 'rssAfterStartMiB',
    label: 'RSS after start, MiB',
    peerA: '86',
    peerB: '80',
    target: '≤ 60',
  },
  {
    id: 'rssAfterCallsMiB',
    label: 'RSS after 200 calls, MiB',
    peerA: '110',
    peerB: '98',
    target: '≤ 70',
  },
];
