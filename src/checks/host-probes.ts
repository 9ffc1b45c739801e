import type { KubeCurrentTarget, KubeVersionInfo } from '../tools/kubectl-types.js';
import type { KubeVersions } from '../tools/kubectl.js';
import type { VBoxVersion } from '../tools/vboxmanage.js';
import type { MemoryFacts } from './resource-checks.js';

/**
 * Everything the checks read from the machine. The real implementation runs the tools and
 * reads files (real-host-probes.ts); tests pass recorded values. Methods throw as the
 * underlying call does (ToolError for programs).
 */
export interface HostProbes {
  platform: NodeJS.Platform;
  arch: string;
  vagrantVersion(): Promise<string>;
  vboxVersion(): Promise<VBoxVersion>;
  kubectlClientVersion(): Promise<KubeVersionInfo>;
  kubeTarget(): Promise<KubeCurrentTarget>;
  kubeVersions(): Promise<KubeVersions>;
  gitVersion(): Promise<string>;
  /** The file's text, or undefined when it does not exist. */
  readTextFile(path: string): Promise<string | undefined>;
  pathExists(path: string): Promise<boolean>;
  memory(): Promise<MemoryFacts>;
  cpuCount(): Promise<number>;
  /** Bytes available to this user on the file system holding `dir` (or its nearest existing parent). */
  freeDiskBytes(dir: string): Promise<number>;
  /** Windows only: whether a hypervisor (Hyper-V, WSL2, VBS) runs under the OS. */
  windowsHypervisorPresent(): Promise<boolean>;
}

/**
 * Several checks read the same fact (four of them need VirtualBox's version): each probe
 * runs once per argument list and every check shares its promise.
 */
export function sharedProbes(probes: HostProbes): HostProbes {
  const cache = new Map<string, Promise<unknown>>();
  const once =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const key = `${name}\0${args.join('\0')}`;
      let promise = cache.get(key) as Promise<R> | undefined;
      if (!promise) {
        promise = call(...args);
        cache.set(key, promise);
      }
      return promise;
    };
  return {
    platform: probes.platform,
    arch: probes.arch,
    vagrantVersion: once('vagrantVersion', () => probes.vagrantVersion()),
    vboxVersion: once('vboxVersion', () => probes.vboxVersion()),
    kubectlClientVersion: once('kubectlClientVersion', () => probes.kubectlClientVersion()),
    kubeTarget: once('kubeTarget', () => probes.kubeTarget()),
    kubeVersions: once('kubeVersions', () => probes.kubeVersions()),
    gitVersion: once('gitVersion', () => probes.gitVersion()),
    readTextFile: once('readTextFile', (path: string) => probes.readTextFile(path)),
    pathExists: once('pathExists', (path: string) => probes.pathExists(path)),
    memory: once('memory', () => probes.memory()),
    cpuCount: once('cpuCount', () => probes.cpuCount()),
    freeDiskBytes: once('freeDiskBytes', (dir: string) => probes.freeDiskBytes(dir)),
    windowsHypervisorPresent: once('windowsHypervisorPresent', () => probes.windowsHypervisorPresent()),
  };
}
