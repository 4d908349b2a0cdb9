import { type AnyTool, describeTool } from '@plexmcp/plex-tools';
import { TOOLSET_SUMMARIES } from './toolsets.js';

/** Words that say nothing about which tool is wanted. */
const STOP_WORDS = new Set(
  'a an the of to in on for and or my me i is are what which who how with by from all this that'.split(
    ' ',
  ),
);

/**
 * Reduces a word to a rough stem so that "libraries", "library" and "playing", "play" meet.
 * Deliberately crude: the catalogue is 61 tools in plain English, not a corpus.
 */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length >= suffix.length + 3 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Words people use for what the catalogue words otherwise. */
const SYNONYMS: Readonly<Record<string, string>> = {
  new: 'create',
  make: 'create',
  find: 'search',
};

/** Lower-case stems of the words (letters and digits) in `text`; snake_case splits too. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word)).map(stem);
}

/** A query's words: as `searchWords`, with the catalogue's word for a synonym. */
function queryWords(query: string): string[] {
  return [...new Set(searchWords(query).map((word) => SYNONYMS[word] ?? word))];
}

/** One tool's words by field: its name, title, description (with its toolset's), and inputs. */
interface ToolWords {
  tool: AnyTool;
  fields: [name: Set<string>, title: Set<string>, about: Set<string>, inputs: Set<string>];
}

// A word in the name says most about a tool, then one in the title, the description, and last
// the inputs (whose descriptions mention much the tool is not about: "Window ending now").
const FIELD_WEIGHTS = [2, 1.5, 1, 0.5] as const;

function toolWords(tool: AnyTool): ToolWords {
  const about = `${tool.description} ${tool.module} ${TOOLSET_SUMMARIES[tool.module]}`;
  return {
    tool,
    fields: [
      new Set(searchWords(tool.name)),
      new Set(searchWords(tool.title)),
      new Set(searchWords(about)),
      new Set(searchWords(inputWords(describeTool(tool).inputSchema.properties))),
    ],
  };
}

/** Input names, their descriptions and their enum values (a player's `pause` action). */
function inputWords(properties: unknown): string {
  const words: string[] = [];
  for (const [name, schema] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const { description, enum: values } = (schema ?? {}) as {
      description?: unknown;
      enum?: unknown;
    };
    words.push(name, typeof description === 'string' ? description : '');
    if (Array.isArray(values)) words.push(...values.filter((v) => typeof v === 'string'));
  }
  return words.join(' ');
}

/**
 * How well a query word meets a set of words: 1 when one of them is that word, 0.5 when one
 * starts the other (at least 3 letters: "sched" and "schedule"), else 0.
 */
function meets(query: string, words: Set<string>): number {
  if (words.has(query)) return 1;
  if (query.length < 3) return 0;
  for (const word of words) {
    if (word.length >= 3 && (word.startsWith(query) || query.startsWith(word))) return 0.5;
  }
  return 0;
}

/**
 * The tools that match `query` best, best first (catalogue order among equals); a tool that
 * matches no word is left out. Each query word adds its best field's weight times how rare the
 * word is among the tools (inverse document frequency: "now" in "who is watching now" outweighs
 * "watch", which a dozen tools mention), and a tool whose name the query covers gains most
 * ("add to playlist" is `playlist_add_to`, not `library_get_recently_added`).
 */
export function searchTools(tools: readonly AnyTool[], query: string, limit: number): AnyTool[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const indexed = tools.map(toolWords);
  const rarity = words.map((word) => {
    const holders = indexed.filter((entry) => entry.fields.some((field) => meets(word, field)));
    return holders.length === 0 ? 0 : Math.log(1 + tools.length / holders.length);
  });
  const scored = indexed.map((entry, index) => {
    let score = 0;
    let inName = 0;
    words.forEach((word, w) => {
      const strengths = entry.fields.map((field) => meets(word, field));
      const field = strengths.findIndex((strength) => strength > 0);
      if (field === -1) return;
      score += (FIELD_WEIGHTS[field] ?? 1) * (strengths[field] ?? 0) * (rarity[w] ?? 0);
      if (field === 0) inName++;
    });
    const nameCoverage = Math.min(1, inName / entry.fields[0].size);
    return { tool: entry.tool, index, score: score * (1 + nameCoverage) };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.tool);
}
