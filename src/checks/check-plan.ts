import type { LabConfig } from '../lab/config-schema.js';
import { checkIds, type CheckId, type CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import { compatCheck } from './compat-check.js';
import { hostOnlyRangesCheck } from './hostonly-ranges-check.js';
import type { HostProbes } from './host-probes.js';
import { k8sServerCheck } from './k8s-server-check.js';
import { join } from 'node:path';
import { labFiles } from '../lab/lab-files.js';
import { kubeNodeCheck, labClusterComing, withKubeNodeMemoryHint } from './kube-node-check.js';
import { labNeeds } from './lab-needs.js';
import { settle } from './outcome.js';
import { isNotFound } from './probe-error.js';
import { cpuCheck, diskCheck, memoryCheck } from './resource-checks.js';
import { gitCheck, kubectlCheck, vagrantCheck, virtualboxCheck } from './tool-checks.js';
import { vboxDriverCheck } from './vbox-driver-check.js';
import { hostArchCheck, virtualizationCheck } from './virtualization-check.js';

/** One check ready to run: gathers its facts through the probes, then applies its logic. */
export interface CheckTask {
  id: CheckId;
  run: () => Promise<CheckResult>;
}

const networksConfPath = '/etc/vbox/networks.conf';

/**
 * The checks for this host, in display order. `probes` should be shared (sharedProbes)
 * so facts several checks need are read once.
 */
export function planChecks(probes: HostProbes, lab: { config: LabConfig; dir: string }, text: CheckText): CheckTask[] {
  const needs = labNeeds(lab.config);
  const procModules = async () => {
    const text = await settle(probes.readTextFile('/proc/modules'));
    return text.ok ? text.value : undefined;
  };
  const runs: Record<CheckId, (() => Promise<CheckResult>) | undefined> = {
    vagrant: async () => vagrantCheck(await settle(probes.vagrantVersion()), text),
    virtualbox: async () => virtualboxCheck(await settle(probes.vboxVersion()), text),
    'vbox-driver':
      text.os === 'linux'
        ? async () => {
            const vbox = await settle(probes.vboxVersion());
            return vboxDriverCheck(
              {
                procModules: await procModules(),
                deviceExists: await probes.pathExists('/dev/vboxdrv'),
                virtualboxInstalled: vbox.ok || !isNotFound(vbox.error),
              },
              text,
            );
          }
        : undefined,
    'vagrant-vbox-compat': async () => compatCheck(await settle(probes.vagrantVersion()), await settle(probes.vboxVersion()), text),
    'hostonly-ranges': async () =>
      hostOnlyRangesCheck(
        {
          vbox: await settle(probes.vboxVersion()),
          networksConf: text.os === 'windows' ? { ok: true, value: undefined } : await settle(probes.readTextFile(networksConfPath)),
          addresses: needs.addresses,
        },
        text,
      ),
    kubectl: async () => kubectlCheck(await settle(probes.kubectlClientVersion()), text),
    'k8s-server': async () => {
      // The lab's own node, before `up` made it: nothing to ask kubectl about yet.
      const coming = labClusterComing(lab.config, text);
      if (coming && !(await probes.pathExists(join(lab.dir, labFiles.kubeconfig)))) return coming;
      const [client, target, versions] = await Promise.all([settle(probes.kubectlClientVersion()), settle(probes.kubeTarget()), settle(probes.kubeVersions())]);
      return k8sServerCheck({ client, target, versions }, text);
    },
    'kube-node': () => Promise.resolve(kubeNodeCheck(lab.config, text)),
    git: async () => gitCheck(await settle(probes.gitVersion()), text),
    memory: async () => withKubeNodeMemoryHint(memoryCheck(await probes.memory(), needs, text), needs, text),
    disk: async () => diskCheck(await settle(probes.freeDiskBytes(lab.dir)), lab.dir, needs, text),
    cpu: async () => cpuCheck(await probes.cpuCount(), needs, text),
    virtualization: async () =>
      virtualizationCheck(
        text.os === 'linux'
          ? { cpuinfo: await settle(probes.readTextFile('/proc/cpuinfo').then((t) => t ?? '')), procModules: await procModules() }
          : text.os === 'windows'
            ? { windowsHypervisor: await settle(probes.windowsHypervisorPresent()) }
            : {},
        text,
      ),
    'host-arch': async () => hostArchCheck(probes.platform, probes.arch, await settle(probes.vboxVersion()), text),
  };
  return checkIds.flatMap((id) => {
    const run = runs[id];
    return run ? [{ id, run }] : [];
  });
}
