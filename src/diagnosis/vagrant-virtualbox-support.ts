/**
 * The first Vagrant release whose VirtualBox driver accepts each VirtualBox minor version,
 * from Vagrant's CHANGELOG ("Add support for VirtualBox 7.0" in 2.3.2, …) and the driver map
 * in plugins/providers/virtualbox/driver/meta.rb. An older Vagrant refuses a newer VirtualBox
 * with "No usable default provider" or, forced with --provider, "not supported".
 */
const firstVagrantFor: Record<string, [number, number, number]> = {
  '4.0': [0, 7, 0],
  '4.1': [0, 8, 0],
  '4.2': [1, 0, 5],
  '4.3': [1, 3, 5],
  '5.0': [1, 7, 3],
  '5.1': [1, 8, 5],
  '5.2': [2, 0, 1],
  '6.0': [2, 2, 1],
  '6.1': [2, 2, 7],
  '7.0': [2, 3, 2],
  '7.1': [2, 4, 2],
  '7.2': [2, 4, 9],
};

// "Vagrant 1.9.1", "Vagrant Version:1.9.1", "vagrant-1.8.4/lib" (its gem path), "Installed Version: 2.3.6" after `vagrant version`.
const vagrantVersion = /\bvagrant(?:\s+version)?[-\s:=]*v?(\d+)\.(\d+)\.(\d+)/i;
// "VirtualBox 5.2.0", "VirtualBox Version: 5.2", "Oracle VM VirtualBox Manager 5.0.12", "virtualbox  v5.2.8".
const virtualboxVersion = /\bvirtual\s?box(?:\s+(?:version|manager|graphical user interface))?[-\s:=]*v?(\d+)\.(\d+)/i;

export const versionLinePatterns = [vagrantVersion.source, virtualboxVersion.source];

function before(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
}

/**
 * True when the lines name a Vagrant release and a VirtualBox version that release cannot
 * drive (a VirtualBox newer than the release knows). False when either is missing or they fit.
 */
export function vagrantTooOldForVirtualBox(lines: readonly string[]): boolean {
  let vagrant: [number, number, number] | undefined;
  let virtualbox: string | undefined;
  for (const line of lines) {
    const v = vagrantVersion.exec(line);
    if (v && !vagrant) vagrant = [Number(v[1]), Number(v[2]), Number(v[3])];
    const b = virtualboxVersion.exec(line);
    if (b && !virtualbox) virtualbox = `${b[1]}.${b[2]}`;
  }
  if (!vagrant || !virtualbox) return false;
  const needed = firstVagrantFor[virtualbox];
  if (needed) return before(vagrant, needed);
  // A VirtualBox newer than every entry above: no release in the table drives it yet.
  const [major, minor] = virtualbox.split('.').map(Number);
  const [newestMajor, newestMinor] = (Object.keys(firstVagrantFor).at(-1) ?? '0.0').split('.').map(Number);
  return before([newestMajor ?? 0, newestMinor ?? 0, 0], [major ?? 0, minor ?? 0, 0]);
}
