import type { KubeTarget } from '../context.js';
import { translator, type Lang, type Translate } from '../i18n/define.js';
import { doctorMessages } from '../i18n/doctor-messages.js';
import type { LabConfig } from '../lab/config-schema.js';
import { readHeketiAdminKey, type HeketiAdminKey } from '../lab/heketi-admin-key.js';
import { readClusterObjects, type ClusterObjects } from '../claims/cluster-objects.js';
import type { ToolOptions } from '../tools/tool-options.js';

/** A busybox pod that only touches a file: a minute covers an image pull on a slow line. */
export const WRITE_TEST_WAIT_MS = 60_000;

export type DoctorT = Translate<keyof typeof doctorMessages.en>;

/** What every layer check gets: the lab, where kubectl points, and cancellation. */
export interface DoctorContext {
  config: LabConfig;
  labDir: string;
  kube: KubeTarget;
  lang: Lang;
  t: DoctorT;
  /** env, signal, forceSignal for every child process. */
  tool: ToolOptions;
  /** How long the non-root write test pod may take, and how often it is looked at (shorter in the demo, whose cluster runs faster). */
  writeTest: { waitMs: number; pollMs: number };
  /** Heketi's admin key from the lab's secrets, or where it should be and why it is not. */
  heketiKey(): Promise<HeketiAdminKey>;
  /** Claims, volumes, classes and pods, read once and shared by the cluster layers. */
  clusterObjects(): Promise<ClusterObjects>;
}

export function createDoctorContext(options: Omit<DoctorContext, 't' | 'heketiKey' | 'clusterObjects' | 'writeTest'> & { writeTest?: DoctorContext['writeTest'] }): DoctorContext {
  let objects: Promise<ClusterObjects> | undefined;
  return {
    ...options,
    writeTest: options.writeTest ?? { waitMs: WRITE_TEST_WAIT_MS, pollMs: 1_000 },
    t: translator(doctorMessages, options.lang),
    heketiKey: () => readHeketiAdminKey(options.labDir),
    clusterObjects: () => (objects ??= readClusterObjects(options.kube, options.tool)),
  };
}

/** The lab's VM that runs Heketi, and its gluster VMs, from gluster-lab.yaml. */
export function labMachines(config: LabConfig): { heketi: string | undefined; gluster: string[] } {
  return {
    heketi: config.machines.find((m) => m.role === 'heketi')?.name,
    gluster: config.machines.filter((m) => m.role === 'gluster').map((m) => m.name),
  };
}
