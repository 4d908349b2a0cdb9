// The one place where JS values become column values and back, so both dialects store the
// same text (see schema.ts for why everything is text).

import type { Timestamp } from './schema.js';

/** The stored form of a point in time: ISO-8601 UTC with milliseconds (fixed width, sortable). */
export function toTimestamp(date: Date = new Date()): Timestamp {
  if (Number.isNaN(date.getTime())) throw new RangeError('toTimestamp: invalid date');
  // Years past 9999 would widen the string and break text ordering; no key lives that long.
  if (date.getUTCFullYear() > 9999) throw new RangeError('toTimestamp: year after 9999');
  return date.toISOString();
}

/** The key a member's email is unique on within an organization: trimmed and lower-cased. */
export function emailKey(email: string): string {
  // Decided in JS, not with SQL lower(): SQLite's lower() folds ASCII only, PostgreSQL's
  // folds all of Unicode, so an index on lower(email) would disagree between dialects.
  return email.trim().normalize('NFC').toLowerCase();
}

/** The key an MCP's name is unique on within an organization: trimmed and lower-cased. */
export function nameKey(name: string): string {
  // In JS for the same reason as emailKey.
  return name.trim().normalize('NFC').toLowerCase();
}
