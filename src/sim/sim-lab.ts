import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { writeFileAtomic } from '../lab/atomic-write.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { labFiles } from '../lab/lab-files.js';
import { simServer } from './kube-unreachable.js';
import { readLabConfig, virtualBoxName, type SimLabConfig } from './lab-config-reader.js';
import { newHeketiModel } from './heketi-model.js';
import { newNfsModel } from './nfs-model.js';
import type { HeketiKeys } from '../tools/heketi-jwt.js';
import { closedPortUrl, startHeketiServer } from './heketi-server.js';
import { insertObject } from './kube-store.js';
import { startNfsStandIn } from './nfs-stand-in.js';
import type { ScenarioName } from './scenarios.js';
import type { MachineState, SimState } from './sim-state.js';
import { readStateFile, updateStateFile, writeStateFile } from './state-file.js';
import { callLogFile, readCalls, type SimCall } from './call-log.js';
import { kubectlAnswer, vagrantAnswer } from './tool-answers.js';
import { startToolServer, toolClientScript } from './tool-server.js';

export interface SimLabOptions {
  scenarios?: ScenarioName[];
  /** Simulated seconds per real second (default 1; tests use 20 or more). */
  speed?: number;
  /** Directory for the state file and bin/ (default: a new temporary directory, removed by stop()). */
  root?: string;
  /** Lab directory: its gluster-lab.yaml gives the machines and addresses, its secrets/heketi_admin_key the Heketi key. */
  labDir?: string;
  /** Heketi admin key, when the lab directory does not hold one (yet). */
  heketiKey?: string;
  /** State the VMs start in (default 'not_created'); 'running' means running and provisioned. */
  machines?: MachineState;
  /** Directory of the built simulator executables (default: dist/sim-bin of this package). */
  simBinDir?: string;
  /** Whether the lab's box is installed on the simulated host (default: yes, unless the box-not-found scenario). */
  boxInstalled?: boolean;
}

export interface SimLab {
  root: string;
  binDir: string;
  stateFile: string;
  heketiUrl: string;
  /** process.env with PATH = binDir first, GLUSTER_LAB_SIM_STATE, GLUSTER_LAB_SIM_SPEED and GLUSTER_LAB_POLL_MS (its pace). */
  env: NodeJS.ProcessEnv;
  readState(): SimState;
  updateState<T>(change: (state: SimState) => T): T;
  /** Every run of a simulated tool so far (start and end records), in the order they happened. */
  calls(): SimCall[];
  /** Every kubectl run so far: its arguments and what it read from stdin, in order. */
  kubectlCalls(): { argv: string[]; stdin: string }[];
  stop(): Promise<void>;
}

const tools = [
  { name: 'vagrant', entry: 'vagrant.js' },
  { name: 'VBoxManage', entry: 'VBoxManage.js' },
  { name: 'kubectl', entry: 'kubectl.js' },
  { name: 'git', entry: 'git.js' },
] as const;

/**
 * Starts a simulated lab: a state file, executables named like the real tools in
 * `binDir`, and Heketi's REST API on 127.0.0.1. Nothing outside loopback is contacted.
 * The simulator bins must be built (`npm run build`).
 */
export async function startSimLab(options: SimLabOptions = {}): Promise<SimLab> {
  const scenarios = options.scenarios ?? ['healthy'];
  const speed = options.speed ?? 1;
  const ownsRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'gluster-lab-sim-')));
  const binDir = join(root, 'bin');
  const stateFile = join(root, 'sim-state.json');
  mkdirSync(binDir, { recursive: true });
  const simBinDir = options.simBinDir ?? defaultSimBinDir();
  // kubectl answers from this process (a call is a shell's start, not Node's); the others,
  // which run for a while, stream and take signals (vagrant up), are processes of their own.
  const kubectlCalls: { argv: string[]; stdin: string }[] = [];
  const parseYaml = (await import('./yaml-documents.js')).parseYamlDocuments;
  const toolServer = await startToolServer((request) => {
    if (request.tool === 'vagrant') return vagrantAnswer(request, speed);
    kubectlCalls.push({ argv: request.argv, stdin: request.stdin });
    return kubectlAnswer(request, parseYaml);
  });
  for (const tool of tools) {
    const entry = join(simBinDir, tool.entry);
    if (!existsSync(entry)) throw new Error(`simulator not built: ${entry} is missing (run npm run build)`);
    // VirtualBox missing = VBoxManage not on PATH, exactly as on a machine without it.
    if (tool.name === 'VBoxManage' && scenarios.includes('virtualbox-missing')) continue;
    // exec: the launcher becomes the simulator process, so signals reach it directly.
    const own = [process.execPath, entry];
    const launcher =
      tool.name === 'kubectl'
        ? toolClientScript({ tool: 'kubectl', readsStdin: true }, toolServer.port)
        : tool.name === 'vagrant'
          ? // What only reads the lab (status, ssh -c) is answered here; what runs a while, streams and takes Ctrl-C (up, halt…) is a process of its own.
            toolClientScript({ tool: 'vagrant', readsStdin: false, only: { subcommands: ['status', 'ssh'], otherwise: own } }, toolServer.port)
          : `#!/bin/sh\nexec ${own.map((word) => `"${word}"`).join(' ')} "$@"\n`;
    writeFileSync(join(binDir, tool.name), launcher, { mode: 0o755 });
  }
  const config = options.labDir ? readLabConfig(options.labDir) : readLabConfig(root);
  const state = initialState(config, scenarios, speed, options.machines ?? 'not_created');
  state.boxes = (options.boxInstalled ?? !scenarios.includes('box-not-found')) ? [config.box] : [];
  writeStateFile(stateFile, state);
  const keys = (): HeketiKeys | undefined => heketiKeys(options);
  const server = scenarios.includes('heketi-unreachable') ? undefined : await startHeketiServer(stateFile, keys);
  const heketiUrl = server?.url ?? (await closedPortUrl());
  const nfs = await startNfsStandIn(config);
  // A kubeconfig of the simulated cluster, as minikube writes one: a flow that checks the
  // file exists (to tell "no kubeconfig" from "cluster down") finds it, as on a real machine.
  const kubeconfig = join(root, 'kubeconfig');
  writeFileSync(kubeconfig, simKubeconfig(readStateFile(stateFile).kubeContext), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...nfs.env,
    KUBECONFIG: kubeconfig,
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    GLUSTER_LAB_SIM_STATE: stateFile,
    GLUSTER_LAB_SIM_SPEED: String(speed),
    // What runs against it looks again at the simulator's pace, not every real second.
    GLUSTER_LAB_POLL_MS: String(Math.max(50, Math.round(1000 / speed))),
  };
  return {
    root,
    binDir,
    stateFile,
    heketiUrl,
    env,
    readState: () => readStateFile(stateFile),
    calls: () => readCalls(stateFile),
    kubectlCalls: () => [...kubectlCalls],
    updateState: (change) => updateStateFile(stateFile, change),
    async stop() {
      await toolServer.close();
      await server?.close();
      await nfs.close();
      if (ownsRoot) rmSync(root, { recursive: true, force: true });
      else {
        rmSync(binDir, { recursive: true, force: true });
        rmSync(stateFile, { force: true });
        rmSync(kubeconfig, { force: true });
        rmSync(callLogFile(stateFile), { force: true });
      }
    },
  };
}

function defaultSimBinDir(): string {
  // Loaded from src/sim/ (tests), dist/ or dist/chunks/ (the bundled demo).
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'sim-bin'), resolve(here, '..', 'sim-bin'), resolve(here, '..', '..', 'dist', 'sim-bin')];
  return candidates.find((dir) => existsSync(join(dir, 'vagrant.js'))) ?? (candidates[2] as string);
}

function heketiKeys(options: SimLabOptions): HeketiKeys | undefined {
  const read = (file: string) => {
    if (!options.labDir) return undefined;
    const path = join(options.labDir, file);
    return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
  };
  const admin = options.heketiKey ?? read(labFiles.heketiAdminKey);
  return admin === undefined ? undefined : { admin, user: read(labFiles.heketiUserKey) };
}

function initialState(config: SimLabConfig, scenarios: ScenarioName[], speed: number, machines: MachineState): SimState {
  const gluster = config.machines.filter((m) => m.role === 'gluster');
  const heketiMachine = config.machines.find((m) => m.role === 'heketi')?.name ?? 'heketi';
  const device = config.data_disk.device === 'auto' ? '/dev/sdb' : config.data_disk.device;
  const state: SimState = {
    scenarios,
    speed,
    kubeContext: 'minikube',
    counters: { uid: 0, resourceVersion: 1000, event: 0 },
    machines: {},
    kube: { objects: [], born: {} },
    heketi: newHeketiModel(gluster.map((m) => m.address), config.data_disk.size_gb, device),
    heketiMachine,
    chmodDone: [],
    nfs: newNfsModel(config),
  };
  const node = config.kubernetes.node;
  if (node?.enabled === true) state.labNode = { name: node.name, address: node.address, minor: Number(node.version.split('.')[1]) };
  if (machines !== 'not_created') {
    for (const m of config.machines) state.machines[m.name] = { state: machines, provisioned: true, vmName: virtualBoxName(config, m.name) };
  }
  const past = Date.now() - 86_400_000;
  const defaultClass = (name: string, provisioner: string) =>
    insertObject(
      state,
      {
        kind: 'StorageClass',
        metadata: { name, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner,
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'Immediate',
      },
      past,
    );
  // A kubeadm cluster (the lab's own node) starts without any StorageClass; minikube has its own.
  if (!state.labNode) defaultClass('standard', 'k8s.io/minikube-hostpath');
  if (scenarios.includes('two-default-classes')) defaultClass('fast', 'rancher.io/local-path');
  if (scenarios.includes('class-other-params')) {
    insertObject(
      state,
      {
        kind: 'StorageClass',
        metadata: { name: config.kubernetes.storage_class },
        provisioner: 'kubernetes.io/glusterfs',
        parameters: { resturl: 'http://10.0.0.5:8080', restuser: 'admin', secretName: 'old-heketi-secret', secretNamespace: 'kube-system' },
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'Immediate',
      },
      past,
    );
  }
  insertObject(state, { kind: 'Namespace', metadata: { name: 'default' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }, past);
  return state;
}

/**
 * Points an existing lab's gluster-lab.yaml at the simulator's Heketi URL (tests and
 * demo must never leave the lab's own address, 192.168.56.20 by default, in place).
 */
export async function writeSimLabConfig(labDir: string, heketiUrl: string): Promise<void> {
  const file = join(labDir, labFiles.config);
  const text = existsSync(file) ? await readFile(file, 'utf8') : stringify(defaultLabConfig);
  const doc = parse(text) as { heketi?: { url?: string } };
  doc.heketi = { ...(doc.heketi ?? {}), url: heketiUrl };
  await writeFileAtomic(file, stringify(doc));
}

/** The simulated cluster's kubeconfig (what the simulated `kubectl config view` shows), in kubectl's YAML. */
function simKubeconfig(context: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: https://${simServer}`,
    'users:',
    `- name: ${context}`,
    '  user: {}',
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}`,
    '    namespace: default',
    `current-context: ${context}`,
    '',
  ].join('\n');
}
