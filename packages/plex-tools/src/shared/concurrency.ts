/**
 * Plex requests one tool call keeps in flight at once. Every request in flight listens for the
 * call's abort signal, and Node warns (MaxListenersExceededWarning) past 10 listeners on one
 * signal; one Plex Media Server answers no faster for more anyway.
 */
export const PLEX_PARALLEL = 8;

/** Runs a task when a slot is free; resolves or rejects as the task does. */
export type Gate = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A gate letting at most `max` tasks run at once, the rest started in the order they came as
 * slots free up. One gate serves one tool call: after a task fails, tasks still waiting fail
 * with the same error instead of starting, as the call's answer is that error anyway.
 */
export function gate(max = PLEX_PARALLEL): Gate {
  let running = 0;
  const waiting: (() => void)[] = [];
  let failure: { error: unknown } | undefined;
  // A finished task hands its slot straight to the next in line, so `running` stays exact.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < max) running++;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      if (failure) throw failure.error;
      return await task();
    } catch (error) {
      failure ??= { error };
      throw error;
    } finally {
      release();
    }
  };
}

/** `Promise.all(items.map(fn))` with at most PLEX_PARALLEL calls of `fn` in flight. */
export function mapGated<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const run = gate();
  return Promise.all(items.map((item, i) => run(() => fn(item, i))));
}

/**
 * A gate for one optional part of a call (genres beside the counts): its tasks take `parent`'s
 * slots, but its failure fails only the part's own waiting tasks, so the rest of the call goes
 * on and the part can be left out with a warning.
 */
export function partGate(parent: Gate): Gate {
  let failure: { error: unknown } | undefined;
  return async <T>(task: () => Promise<T>): Promise<T> => {
    const settled = await parent(async (): Promise<{ value: T } | { failed: unknown }> => {
      if (failure) return { failed: failure.error };
      try {
        return { value: await task() };
      } catch (error) {
        failure ??= { error };
        return { failed: error };
      }
    });
    if ('failed' in settled) throw settled.failed;
    return settled.value;
  };
}
