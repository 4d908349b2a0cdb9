/**
 * At most `limit` holders at once; the rest wait in arrival order. A waiter whose signal aborts
 * leaves the queue at once. Used to run a bounded number of tool calls per API key.
 */
export function createGate(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  return {
    /** Resolves with a release function once a place is free; rejects if `signal` aborts first. */
    enter(signal?: AbortSignal): Promise<() => void> {
      if (active < limit) {
        active++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => {
        const admit = () => {
          signal?.removeEventListener('abort', abandon);
          resolve(once(release));
        };
        const abandon = () => {
          const index = waiting.indexOf(admit);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted) {
          abandon();
          return;
        }
        signal?.addEventListener('abort', abandon, { once: true });
        waiting.push(admit);
      });
    },
    idle: () => active === 0 && waiting.length === 0,
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
