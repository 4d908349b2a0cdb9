/** How many candidates an AMBIGUOUS message names before "and N more". */
export const CANDIDATES_SHOWN = 10;

/**
 * Candidate lines joined for a message a model reads: `a; b; c`, then `and N more` past the cap.
 * The details carry every candidate; the text carries enough to pick one without them.
 */
export function candidateList(lines: readonly string[], cap = CANDIDATES_SHOWN): string {
  const shown = lines.slice(0, cap).join('; ');
  return lines.length > cap ? `${shown}; and ${lines.length - cap} more` : shown;
}

/** `1010 Sherlock Holmes (1916, movie, Movies)`: an id, a name, and what tells it apart. */
export function candidateLine(
  id: string,
  name: string,
  facts: readonly (string | number | undefined)[],
): string {
  const known = facts.filter((fact) => fact !== undefined && fact !== '');
  return known.length > 0 ? `${id} ${name} (${known.join(', ')})` : `${id} ${name}`;
}
