/**
 * Names for the demo's items (`movie:detour`, `episode:bonanza/2/2`, `track:goldberg/1`) so the
 * activity data can point at items without knowing the ratingKeys they were given.
 */
export class DemoRefs {
  private readonly keys = new Map<string, string>();

  /** Records the ratingKey an item got. */
  set(ref: string, ratingKey: string): void {
    if (this.keys.has(ref)) throw new Error(`demo ref ${ref} defined twice`);
    this.keys.set(ref, ratingKey);
  }

  /** The ratingKey of a named item; a typo in the demo data fails loudly here. */
  get(ref: string): string {
    const key = this.keys.get(ref);
    if (key === undefined) throw new Error(`unknown demo ref ${ref}`);
    return key;
  }

  /** Every name and its ratingKey, in the order items were added. */
  entries(): [ref: string, ratingKey: string][] {
    return [...this.keys];
  }
}
