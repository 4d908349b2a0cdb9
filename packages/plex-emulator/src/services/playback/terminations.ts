import type { EmulatorState } from '../../state/store.js';

/*
 * Sessions the owner terminated, by client identifier, until that client next reports its
 * timeline (`EmulatorState.pendingTerminations`): PMS then answers with
 * `terminationCode`/`terminationText` so the client can tell its user why playback stopped.
 */

/** PMS's termination code for "the admin stopped this stream". */
export const ADMIN_TERMINATED = 2006;

/** Remembers that a client's session was terminated with a reason. */
export function rememberTermination(
  state: EmulatorState,
  clientIdentifier: string,
  ratingKey: string,
  reason: string,
): void {
  state.pendingTerminations.set(clientIdentifier, {
    ratingKey,
    text: `Admin terminated playback with reason: ${reason}`,
  });
}

/** The termination text owed to a client reporting on an item; any report consumes it. */
export function takeTermination(
  state: EmulatorState,
  clientIdentifier: string,
  ratingKey: string,
): string | undefined {
  const entry = state.pendingTerminations.get(clientIdentifier);
  if (!entry) return undefined;
  // A report on another item means the client moved on; the notice no longer applies.
  state.pendingTerminations.delete(clientIdentifier);
  return entry.ratingKey === ratingKey ? entry.text : undefined;
}
