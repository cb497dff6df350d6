// Collects the problems a tolerant parse recovered from. A broken feed can repeat one problem thousands of
// times (an unescaped `&` in every item), so identical messages are folded into one line with a count.

export class Warnings {
  private readonly counts = new Map<string, number>();

  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  addAll(messages: readonly string[]): void {
    for (const message of messages) this.add(message);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The messages in first-seen order; a repeated message ends with "(N times)". */
  list(): string[] {
    const out: string[] = [];
    for (const [message, count] of this.counts) out.push(count > 1 ? `${message} (${count} times)` : message);
    return out;
  }
}
