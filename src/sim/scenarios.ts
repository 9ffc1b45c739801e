/**
 * Named failure scenarios of the simulated lab. They combine: each one changes one
 * behaviour of one simulated tool, and 'healthy' (the default) changes nothing.
 */
export const scenarioNames = [
  'healthy',
  'virtualbox-missing',
  'hostonly-range-refused',
  'vtx-disabled',
  'box-not-found',
  'ansible-task-fails',
  'heketi-unreachable',
  'k8s-1.27',
  'k8s-1.25',
  'k8s-1.31',
  'pvc-provisioning-failed',
  'permission-denied',
  'two-default-classes',
  'class-other-params',
  'chmod-pod-never-starts',
  'glusterfs-client-missing',
  'csi-image-pull',
  'nfs-unreachable',
  'nfs-export-missing',
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}

/** Minor version of the simulated Kubernetes server for the chosen scenarios. */
export function serverMinor(scenarios: readonly ScenarioName[]): number {
  if (scenarios.includes('k8s-1.31')) return 31;
  if (scenarios.includes('k8s-1.27')) return 27;
  if (scenarios.includes('k8s-1.25')) return 25;
  return 24;
}
