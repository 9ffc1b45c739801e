/** One line of `vagrant --machine-readable` output: `timestamp,target,type,data...`. */
export interface MachineReadableRecord {
  timestamp: number;
  /** The machine the line is about; empty for global lines. */
  target: string;
  type: string;
  data: string[];
}

/**
 * Parses one output line. Vagrant (lib/vagrant/ui.rb, MachineReadable#machine) joins
 * the data fields with commas after replacing `,` by `%!(VAGRANT_COMMA)`, newline by
 * the two characters `\n` and carriage return by `\r`; those are undone here. A
 * literal backslash-n in a message cannot be told apart (vagrant does not escape
 * backslashes), so it becomes a newline too. Lines that are not records (plugin
 * noise, Ruby warnings) give undefined.
 */
export function parseMachineReadableLine(line: string): MachineReadableRecord | undefined {
  // `timestamp,target,type[,data...]` found with indexOf, not a regex: `vagrant up`
  // prints hundreds of thousands of these and this runs for each one.
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const afterTimestamp = text.indexOf(',');
  if (afterTimestamp <= 0 || !isDigits(text, afterTimestamp)) return undefined;
  const afterTarget = text.indexOf(',', afterTimestamp + 1);
  if (afterTarget === -1) return undefined;
  const afterType = text.indexOf(',', afterTarget + 1);
  const type = text.slice(afterTarget + 1, afterType === -1 ? undefined : afterType);
  if (type === '') return undefined;
  const data = afterType === -1 ? [] : text.slice(afterType + 1).split(',');
  for (let i = 0; i < data.length; i++) data[i] = unescapeField(data[i] as string);
  return { timestamp: Number(text.slice(0, afterTimestamp)), target: text.slice(afterTimestamp + 1, afterTarget), type, data };
}

/** True when `text` up to `end` is a non-empty run of digits (a record's timestamp). */
export function isDigits(text: string, end: number): boolean {
  if (end <= 0) return false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Undoes Vagrant's escapes in one data field (or in several still joined by commas). */
export function unescapeField(field: string): string {
  // Most fields hold no escape; replaceAll beats one regex pass with a callback here.
  if (!field.includes('\\') && !field.includes('%!(')) return field;
  return field.replaceAll('%!(VAGRANT_COMMA)', ',').replaceAll('\\n', '\n').replaceAll('\\r', '\r');
}
