/** Keeps the last `size` lines seen; used for error messages and live tails. */
export class TailBuffer {
  private readonly lines: string[] = [];
  constructor(private readonly size: number) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }

  toArray(): string[] {
    return [...this.lines];
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
