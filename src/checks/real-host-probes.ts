import { access, readFile, statfs } from 'node:fs/promises';
import { availableParallelism, freemem, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { KubeTarget } from '../tools/kubectl-types.js';
import { gitVersion } from '../tools/git.js';
import { currentTarget, kubectlClientVersion, kubectlVersion } from '../tools/kubectl.js';
import { windowsHypervisorPresent } from '../tools/powershell.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { vagrantVersion } from '../tools/vagrant.js';
import { vboxVersion } from '../tools/vboxmanage.js';
import type { HostProbes } from './host-probes.js';

/** A cluster that does not answer within this long is reported as unreachable (the check is only a warning). */
const clusterTimeoutMs = 15_000;

/** The probes that run the real tools and read the real machine. */
export function realHostProbes(opts: { kube: KubeTarget; tool: ToolOptions }): HostProbes {
  const { kube, tool } = opts;
  return {
    platform: process.platform,
    arch: process.arch,
    vagrantVersion: () => vagrantVersion(tool),
    vboxVersion: () => vboxVersion(tool),
    kubectlClientVersion: () => kubectlClientVersion(kube, tool),
    kubeTarget: () => currentTarget(kube, tool),
    kubeVersions: () => kubectlVersion(kube, { ...tool, timeoutMs: clusterTimeoutMs }),
    gitVersion: () => gitVersion(tool),
    readTextFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    pathExists: (path) => access(path).then(() => true, () => false),
    memory: () => Promise.resolve({ totalBytes: totalmem(), freeBytes: freemem() }),
    cpuCount: () => Promise.resolve(availableParallelism()),
    freeDiskBytes: async (dir) => {
      const stats = await statfs(await nearestExisting(dir));
      return stats.bavail * stats.bsize;
    },
    windowsHypervisorPresent: () => windowsHypervisorPresent(tool),
  };
}

/** The lab directory may not exist yet (`check` before `init`): measure the disk it will be on. */
async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  for (;;) {
    if (await access(current).then(() => true, () => false)) return current;
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}
