import type { Pod } from '../tools/kubectl-types.js';

/** The securityContext fields that decide which user a container runs as (core/v1). */
interface SecurityFields {
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  supplementalGroups?: number[];
}

/** kubectl-types' Pod does not type securityContext; this reads it from the same JSON. */
interface PodSecurity {
  spec: { securityContext?: SecurityFields; containers: { securityContext?: SecurityFields }[] };
}

/**
 * The user id each container runs as: the container's securityContext.runAsUser, else the
 * pod's, else undefined (the image decides — often root, but not known from the API).
 */
export function containerUserIds(pod: Pod): (number | undefined)[] {
  const spec = (pod as unknown as PodSecurity).spec;
  const podUser = spec.securityContext?.runAsUser;
  return spec.containers.map((c) => c.securityContext?.runAsUser ?? podUser);
}

/** True when some container is known to run as a user other than root, or its user is unknown. */
export function mayRunAsNonRoot(pod: Pod): boolean {
  return containerUserIds(pod).some((uid) => uid !== 0);
}
