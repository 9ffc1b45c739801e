/** A line of plain (no terminal) output, prefixed by the VM it belongs to: `heketi | text`. */
export function plainLine(owner: string | undefined, text: string, width = 0): string {
  return owner === undefined ? text : `${owner.padEnd(width)} | ${text}`;
}
