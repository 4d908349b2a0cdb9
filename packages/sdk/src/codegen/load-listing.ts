import { readFile } from 'node:fs/promises';
import { checkedApiKey } from '../checks.js';
import { networkReason } from '../network-reason.js';
import type { ToolListing } from './generate.js';

/** Where to read a `/tools` listing from. */
export type ListingSource =
  | { url: string; apiKey?: string; fetch?: typeof fetch; timeoutMs?: number }
  | { file: string };

/** Reads and checks a `/tools` listing; errors say what to fix and never carry the API key. */
export async function loadListing(source: ListingSource): Promise<ToolListing[]> {
  const text = 'file' in source ? await readListingFile(source.file) : await fetchListing(source);
  let listing: unknown;
  try {
    listing = JSON.parse(text);
  } catch {
    throw new Error(
      `${describeSource(source)} is not JSON; expected the array GET /tools returns.`,
    );
  }
  return checkListing(listing, describeSource(source));
}

async function readListingFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
}

async function fetchListing(source: {
  url: string;
  apiKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}) {
  const url = parseUrl(source.url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (source.apiKey) headers.authorization = `Bearer ${checkedApiKey(source.apiKey)}`;
  const timeoutMs = source.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await (source.fetch ?? fetch)(url, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : networkReason(error);
    throw new Error(`Cannot reach ${redact(url)} (${reason}). Is the plexmcp server running?`);
  }
  const text = await response.text();
  if (response.status === 401) {
    throw new Error(
      source.apiKey
        ? `${redact(url)} refused the API key (401): check --api-key or PLEXMCP_API_KEY.`
        : `${redact(url)} wants an API key: pass --api-key or set PLEXMCP_API_KEY.`,
    );
  }
  if (!response.ok) {
    throw new Error(`${redact(url)} answered HTTP ${response.status}: ${errorMessage(text)}`);
  }
  return text;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `--url must be an http(s) URL such as http://127.0.0.1:3001/tools; got "${text}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--url must be an http(s) URL; got ${url.protocol} .`);
  }
  // A bare server address means its listing.
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/tools';
  return url;
}

/** The URL without query or credentials, which could hold a key. */
function redact(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function describeSource(source: ListingSource): string {
  return 'file' in source ? source.file : redact(parseUrl(source.url));
}

function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not our JSON error body; fall through to a short excerpt.
  }
  return body.slice(0, 200) || '(empty body)';
}

/**
 * Accepts what GET /tools returns, an array of `{name, parameters, …}`, and what the platform's
 * `GET /v1/mcps/{id}/tools` returns: the same array in its `{ success: true, data }` envelope.
 */
function checkListing(answer: unknown, from: string): ToolListing[] {
  const listing = isV1Envelope(answer) ? answer.data : answer;
  if (!Array.isArray(listing)) {
    throw new Error(`${from} is not a /tools listing: expected a JSON array of tools.`);
  }
  listing.forEach((tool, index) => {
    const entry = tool as Partial<ToolListing> | null;
    if (typeof entry?.name !== 'string' || !entry.name) {
      throw new Error(`${from}: tool #${index + 1} has no name.`);
    }
    if (typeof entry.parameters !== 'object' || entry.parameters === null) {
      throw new Error(`${from}: tool "${entry.name}" has no parameters schema.`);
    }
  });
  return listing as ToolListing[];
}

function isV1Envelope(answer: unknown): answer is { success: true; data: unknown } {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    (answer as { success?: unknown }).success === true &&
    'data' in answer
  );
}
