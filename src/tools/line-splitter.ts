/**
 * Splits a byte stream into lines without holding more than one unfinished line.
 * `\r\n` and `\n` end a line; a lone `\r` stays inside the line (vagrant's progress
 * output uses it) and is left for the parsers to interpret.
 */
export class LineSplitter {
  private partial = '';
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly onLine: (line: string) => void,
    /** An unfinished line longer than this is emitted as it is, to bound memory. */
    private readonly maxLine = 1 << 20,
  ) {}

  push(chunk: Uint8Array | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.onLine(text.slice(start, end));
      start = nl + 1;
    }
    this.partial = text.slice(start);
    if (this.partial.length > this.maxLine) {
      this.onLine(this.partial);
      this.partial = '';
    }
  }

  end(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest.length > 0) this.onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }
}
