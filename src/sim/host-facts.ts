import type { HostProbes } from '../checks/host-probes.js';
import { defaultHostOnlyRange, networksConfLineFor } from '../host/networks-conf.js';
import { defaultLabConfig } from '../lab/defaults.js';
import type { ScenarioName } from './scenarios.js';

const GIB = 1024 ** 3;

/**
 * The laptop `demo` pretends to run on: the programs are the simulated ones already (PATH),
 * and the facts a check reads from the machine itself (memory, disk, CPU flags, the
 * VirtualBox driver, networks.conf) are those of a Linux laptop fit for the lab — except
 * where a scenario says otherwise. Without this, the demo would judge the real host.
 */
export function simulatedHostProbes(scenarios: readonly ScenarioName[], labAddresses: readonly string[] = defaultLabConfig.machines.map((m) => m.address)): (real: HostProbes) => HostProbes {
  const vbox = !scenarios.includes('virtualbox-missing');
  const files: Record<string, string> = {
    '/proc/cpuinfo': `processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx lm constant_tsc${scenarios.includes('vtx-disabled') ? '' : ' vmx'} sse4_1 sse4_2\n`,
    // Without VirtualBox, no vbox kernel module is loaded and /dev/vboxdrv does not exist.
    '/proc/modules': vbox ? 'vboxnetflt 32768 0 - Live 0x0000000000000000 (OE)\nvboxnetadp 28672 0 - Live 0x0000000000000000 (OE)\nvboxdrv 696320 2 vboxnetflt,vboxnetadp, Live 0x0000000000000000 (OE)\n' : 'nft_chain_nat 12288 0 - Live 0x0000000000000000\nbridge 401408 0 - Live 0x0000000000000000\n',
    // The lab's range is allowed, as after following the check's own fix — unless the scenario is about it.
    ...(scenarios.includes('hostonly-range-refused') ? {} : { '/etc/vbox/networks.conf': `${networksConfLineFor(labAddresses)} ${defaultHostOnlyRange}\n` }),
  };
  return (real) => ({
    ...real,
    platform: 'linux',
    arch: 'x64',
    readTextFile: (path) => Promise.resolve(files[path]),
    // The laptop's own files are simulated; the lab directory (its kubeconfig) is the real one.
    pathExists: (path) => (/^\/(dev|proc|etc)\//.test(path) ? Promise.resolve((vbox && path === '/dev/vboxdrv') || path in files) : real.pathExists(path)),
    memory: () => Promise.resolve({ totalBytes: 16 * GIB, freeBytes: 11 * GIB }),
    cpuCount: () => Promise.resolve(8),
    freeDiskBytes: () => Promise.resolve(180 * GIB),
    windowsHypervisorPresent: () => Promise.resolve(false),
  });
}
