import { ToolError } from '../errors.js';

/**
 * Lets a destructive tool go ahead only when `confirm` is exactly `expected` (or one of them):
 * otherwise throws CONFIRMATION_REQUIRED with `message`, which names the target and what would be
 * lost, and `details`.
 */
export function requireConfirmation(
  confirm: string | undefined,
  expected: string | readonly string[],
  message: string,
  details?: Record<string, unknown>,
): void {
  const accepted = typeof expected === 'string' ? [expected] : expected;
  if (confirm !== undefined && accepted.includes(confirm)) return;
  throw new ToolError('CONFIRMATION_REQUIRED', message, details);
}
