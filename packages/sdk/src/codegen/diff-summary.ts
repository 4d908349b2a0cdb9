/**
 * Says how a stale generated file differs from a fresh one: the tools added, removed and
 * changed (read off the `name: { input…` lines of the tool map), or the first differing line.
 */
export function diffSummary(current: string, fresh: string): string {
  const before = toolBlocks(current);
  const after = toolBlocks(fresh);
  const added = [...after.keys()].filter((name) => !before.has(name));
  const removed = [...before.keys()].filter((name) => !after.has(name));
  const changed = [...after.keys()].filter(
    (name) => before.has(name) && before.get(name) !== after.get(name),
  );
  const parts = [
    added.length > 0 && `added ${added.join(', ')}`,
    removed.length > 0 && `removed ${removed.join(', ')}`,
    changed.length > 0 && `changed ${changed.join(', ')}`,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length > 0) return `tools ${parts.join('; ')}`;
  const currentLines = current.split('\n');
  const freshLines = fresh.split('\n');
  const line = freshLines.findIndex((text, index) => text !== currentLines[index]);
  const at = line === -1 ? freshLines.length : line;
  return `first difference at line ${at + 1}: expected ${JSON.stringify(freshLines[at] ?? '')}`;
}

/** Each tool's declarations (its Input and Output types), keyed by tool name. */
function toolBlocks(source: string): Map<string, string> {
  // Generated declarations are separated by blank lines and contain none.
  const declarations = new Map<string, string>();
  for (const chunk of source.split('\n\n')) {
    const name = /^export (?:interface|type) (\w+)/m.exec(chunk)?.[1];
    if (name) declarations.set(name, chunk.trim());
  }
  const blocks = new Map<string, string>();
  // `  name: { input: NameInput; output: NameOutput; };`, the name quoted when it must be; files
  // from before the compiler printed them lack the last `;`.
  const mapEntry = /^ {2}'?([\w.-]+)'?: \{ input: (\w+)Input; output: \w+Output;? \};$/gm;
  for (const [, name, base] of source.matchAll(mapEntry)) {
    if (!name || !base) continue;
    blocks.set(name, `${declarations.get(`${base}Input`)}\n${declarations.get(`${base}Output`)}`);
  }
  return blocks;
}
