/**
 * Everything a test run received from the server: child stdout and stderr, response status
 * lines, headers and bodies. The secrets checks search it for what must never leak.
 */
export class Transcript {
  private readonly parts: string[] = [];

  /** Appends one piece of received text, labelled with where it came from. */
  add(source: string, text: string): void {
    this.parts.push(`[${source}] ${text}`);
  }

  /** All text received so far, in arrival order. */
  text(): string {
    return this.parts.join('\n');
  }
}
