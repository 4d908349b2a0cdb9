/**
 * Keeps the best `limit` values pushed into it, in order. Search over a large library matches
 * tens of thousands of titles but shows a handful, so sorting every match is wasted work.
 */
export class TopK<T> {
  private readonly kept: T[] = [];
  /** How many values were pushed, kept or not. */
  total = 0;

  constructor(
    private readonly limit: number,
    /** Negative when `a` ranks before `b`. */
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Offers a value. */
  push(value: T): void {
    this.total++;
    if (this.limit === Number.POSITIVE_INFINITY) {
      this.kept.push(value);
      return;
    }
    if (this.limit <= 0) return;
    const kept = this.kept;
    if (kept.length >= this.limit) {
      const worst = kept[kept.length - 1] as T;
      if (this.compare(value, worst) >= 0) return;
      kept.pop();
    }
    let at = kept.length;
    while (at > 0 && this.compare(value, kept[at - 1] as T) < 0) at--;
    kept.splice(at, 0, value);
  }

  /** The kept values, best first. */
  values(): T[] {
    return this.limit === Number.POSITIVE_INFINITY ? this.kept.sort(this.compare) : this.kept;
  }
}
