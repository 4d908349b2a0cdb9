import type { PeerFigure } from './peers.js';

/** One benchmark's results: a titled table in bench/RESULTS.md. */
export interface BenchSection {
  /** Short id used by `pnpm bench --only <id,…>`. */
  id: string;
  title: string;
  /** The target this benchmark is measured against, as a sentence. */
  goal: string;
  columns: string[];
  rows: (string | number)[][];
  /** Remarks printed under the table: how it was measured, what changed. */
  notes?: string[];
  /** This run's figures for the summary against the peer servers (see peers.ts). */
  headlines?: Partial<Record<PeerFigure, number>>;
}
