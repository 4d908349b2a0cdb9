/**
 * Caps how many requests a client (and every client derived from it) has at Plex at once; the
 * rest wait their turn, first come first served. A Plex Media Server on a NAS answers a burst of
 * 200 library queries by slowing every one of them down, and the retries that follow the
 * timeouts make it worse: queueing here keeps the server responsive.
 *
 * Under the limit, taking a slot is a counter increment (`tryAcquire`): no promise, no object.
 */
export class ConcurrencyLimit {
  private active = 0;
  /** Waiters in arrival order (a Set iterates in insertion order and deletes in O(1)). */
  private readonly waiting = new Set<() => void>();

  constructor(readonly max: number) {}

  /** Takes a free slot if there is one; false when all are busy. */
  tryAcquire(): boolean {
    // `release` hands a freed slot straight to a waiter, so a free slot means nobody waits.
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }

  /**
   * Waits for a slot. If `signal` aborts first, the waiter leaves the queue at once and the
   * promise rejects with the signal's reason, as an aborted request does.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(grant);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.add(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Gives a slot back, handing it to the longest waiter if there is one. */
  release(): void {
    // Checked first so that the common case allocates no iterator.
    if (this.waiting.size === 0) {
      this.active--;
      return;
    }
    const next = this.waiting.values().next().value as () => void;
    this.waiting.delete(next);
    next();
  }
}
