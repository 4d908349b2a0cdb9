import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Variables from a `.env` file, if there is one. Real environment variables win over it, so
 * the file only fills gaps.
 */
export function readDotEnv(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  return parseEnv(text) as Record<string, string>;
}
