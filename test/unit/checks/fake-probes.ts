import type { HostProbes } from '../../../src/checks/host-probes.js';
import { ToolError } from '../../../src/tools/tool-error.js';

const GIB = 1024 ** 3;

/** An x86-64 Linux laptop, as the real probes would report it, with everything installed and a 1.24 cluster. */
export const healthyCpuinfo = [
  'processor\t: 0',
  'vendor_id\t: GenuineIntel',
  'model name\t: Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz',
  'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm',
  '',
].join('\n');

export const healthyModules = [
  'vboxnetadp 28672 0 - Live 0x0000000000000000 (OE)',
  'vboxnetflt 32768 0 - Live 0x0000000000000000 (OE)',
  'vboxdrv 618496 2 vboxnetadp,vboxnetflt, Live 0x0000000000000000 (OE)',
  'ext4 1044480 1 - Live 0x0000000000000000',
  '',
].join('\n');

export const notFound = (command: string) => new ToolError('not-found', command, ['--version'], undefined, '');

export function fakeProbes(overrides: Partial<HostProbes> = {}, files: Record<string, string> = {}): HostProbes {
  // No /etc/vbox/networks.conf: a stock VirtualBox, which allows the default lab's 192.168.56.x.
  const allFiles: Record<string, string> = { '/proc/cpuinfo': healthyCpuinfo, '/proc/modules': healthyModules, ...files };
  return {
    platform: 'linux',
    arch: 'x64',
    vagrantVersion: () => Promise.resolve('2.4.3'),
    vboxVersion: () => Promise.resolve({ version: '7.1.6', revision: '167084', raw: '7.1.6r167084' }),
    kubectlClientVersion: () => Promise.resolve({ major: '1', minor: '24', gitVersion: 'v1.24.17' }),
    kubeTarget: () => Promise.resolve({ context: 'kind-lab', cluster: 'kind-lab', server: 'https://127.0.0.1:6443', user: 'kind-lab' }),
    kubeVersions: () => Promise.resolve({ client: { major: '1', minor: '24', gitVersion: 'v1.24.17' }, server: { major: '1', minor: '24', gitVersion: 'v1.24.17' } }),
    gitVersion: () => Promise.resolve('2.39.5'),
    readTextFile: (path) => Promise.resolve(allFiles[path]),
    pathExists: (path) => Promise.resolve(path === '/dev/vboxdrv'),
    memory: () => Promise.resolve({ totalBytes: 16 * GIB, freeBytes: 10 * GIB }),
    cpuCount: () => Promise.resolve(8),
    freeDiskBytes: () => Promise.resolve(200 * GIB),
    windowsHypervisorPresent: () => Promise.resolve(false),
    ...overrides,
  };
}
