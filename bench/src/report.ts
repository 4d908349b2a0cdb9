import type { Machine } from './machine.js';
import { PEERS, type PeerFigure } from './peers.js';
import type { BenchSection } from './section.js';

/** A section with the machine and moment it was measured on (a partial run keeps older ones). */
export interface StoredSection {
  section: BenchSection;
  machine: Machine;
}

const cell = (value: string | number) => String(value).replaceAll('|', '\\|');

function table(section: BenchSection): string[] {
  const numeric = section.columns.map((_, index) =>
    section.rows.every((row) => row[index] === '' || !Number.isNaN(Number(row[index]))),
  );
  return [
    `| ${section.columns.map(cell).join(' | ')} |`,
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...section.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} RAM, Node ${machine.node}, ${machine.os}`;
}

const figure = (value: number) => (value >= 100 ? Math.round(value) : value.toFixed(1));

/** Our headline figures beside the peers' and the targets, for the figures this run has. */
function peerSummary(sections: readonly StoredSection[]): string[] {
  const ours: Partial<Record<PeerFigure, number>> = Object.assign(
    {},
    ...sections.map(({ section }) => section.headlines ?? {}),
  );
  const rows = PEERS.flatMap((peer) => {
    const value = ours[peer.id];
    return value === undefined
      ? []
      : [`| ${peer.label} | ${peer.peerA} | ${peer.peerB} | ${peer.target} | ${figure(value)} |`];
  });
  if (rows.length === 0) return [];
  return [
    '## Against the peers',
    '',
    'DESIGN.md timed two TypeScript Plex MCP servers on these machines; our figures are from the tables below (cold start and RSS: the `PLEX_URL` variant, as the peers ran against a Plex of their own).',
    '',
    '| figure | peer A (37 tools) | peer B (58 tools) | our target | plexmcp (61 tools) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

/** Renders bench/RESULTS.md: the machine, then one table per section with its goal and notes. */
export function renderResults(
  machine: Machine,
  sections: readonly StoredSection[],
  history: readonly string[],
): string {
  const lines = [
    '# plexmcp benchmarks',
    '',
    'Written by `pnpm bench` (see bench/README.md); numbers, not assertions. Rerun to refresh.',
    '',
    `- Machine: ${machineLine(machine)}`,
    `- Date: ${machine.date}`,
    '',
  ];
  lines.push(...peerSummary(sections));
  for (const { section, machine: measuredOn } of sections) {
    lines.push(`## ${section.title}`, '', `Goal: ${section.goal}`, '', ...table(section), '');
    const elsewhere =
      measuredOn.date !== machine.date
        ? [`Measured ${measuredOn.date} on ${machineLine(measuredOn)} (an earlier \`--only\` run).`]
        : [];
    for (const note of [...elsewhere, ...(section.notes ?? [])]) lines.push(`- ${note}`);
    lines.push('');
  }
  if (history.length > 0) {
    lines.push('## What the numbers changed', '');
    for (const entry of history) lines.push(`- ${entry}`);
    lines.push('');
  }
  return lines.join('\n');
}
