/** Before/after of the fixes the numbers led to, printed under the tables in RESULTS.md. */
export const HISTORY: string[] = [];
