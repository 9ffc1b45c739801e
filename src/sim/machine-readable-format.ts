/** Vagrant's --machine-readable encoding (lib/vagrant/ui.rb, MachineReadable#machine). */
function encodeField(value: string): string {
  return value.replaceAll(',', '%!(VAGRANT_COMMA)').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

export function machineReadableLine(target: string, type: string, data: readonly string[], nowS = Math.floor(Date.now() / 1000)): string {
  return `${nowS},${target},${type},${data.map(encodeField).join(',')}`;
}
