/** One line of `vagrant --machine-readable` output: `timestamp,target,type,data...`. */
export interface MachineReadableRecord {
  timestamp: number;
  /** The machine the line is about; empty for global lines. */
  target: string;
  type: string;
  data: string[];
}

const RECORD = /^(\d+),([^,]*),([^,]+)(?:,(.*))?$/s;

/**
 * Parses one output line. Vagrant (lib/vagrant/ui.rb, MachineReadable#machine) joins
 * the data fields with commas after replacing `,` by `%!(VAGRANT_COMMA)`, newline by
 * the two characters `\n` and carriage return by `\r`; those are undone here. A
 * literal backslash-n in a message cannot be told apart (vagrant does not escape
 * backslashes), so it becomes a newline too. Lines that are not records (plugin
 * noise, Ruby warnings) give undefined.
 */
export function parseMachineReadableLine(line: string): MachineReadableRecord | undefined {
  const match = RECORD.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (!match) return undefined;
  const [, timestamp = '0', target = '', type = '', rest] = match;
  const data = rest === undefined ? [] : rest.split(',').map(unescapeField);
  return { timestamp: Number(timestamp), target, type, data };
}

function unescapeField(field: string): string {
  return field.replaceAll('%!(VAGRANT_COMMA)', ',').replaceAll('\\n', '\n').replaceAll('\\r', '\r');
}
