/**
 * Splits a byte stream into lines without holding more than one unfinished line.
 * `\r\n` and `\n` end a line; a lone `\r` stays inside the line (vagrant's progress
 * output uses it) and is left for the parsers to interpret.
 *
 * A line longer than `maxLine` is handed on in pieces of `maxLine` characters, each piece
 * starting `overlap` characters before the previous one ended, so that a phrase of up to
 * `overlap` characters is whole in at least one piece however the line is cut; `continued`
 * tells a piece after the first of its line.
 */
export class LineSplitter {
  private partial = '';
  private continued = false;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly onLine: (line: string, continued: boolean) => void,
    /** An unfinished line longer than this is emitted in pieces, to bound memory. */
    private readonly maxLine = 1 << 20,
    private readonly overlap = 0,
  ) {}

  push(chunk: Uint8Array | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.emit(text.slice(start, end));
      this.continued = false;
      start = nl + 1;
    }
    let rest = text.slice(start);
    while (rest.length > this.maxLine) {
      this.emit(rest.slice(0, this.maxLine));
      this.continued = true;
      rest = rest.slice(this.maxLine - this.overlap);
    }
    this.partial = rest;
  }

  end(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest.length > 0) this.emit(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    this.continued = false;
  }

  private emit(line: string): void {
    this.onLine(line, this.continued);
  }
}
