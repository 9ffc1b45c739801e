import type { AccessMode } from './manifests.js';

/** kubectl's short names of access modes, as `kubectl get pvc` prints them. */
export const accessModeShortNames: Record<AccessMode, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** The access modes a GlusterFS claim can ask for, the lab's choice first. */
export const claimAccessModes: AccessMode[] = ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'];

/** A claim's modes the way kubectl prints them (`RWX,RWO`); unknown names stay as they are. */
export function accessModesShort(modes: readonly string[] | undefined): string {
  return (modes ?? []).map((m) => (accessModeShortNames as Record<string, string>)[m] ?? m).join(',');
}

/** The claim access mode a flag value names, full or short (case-insensitive: rwx works too); undefined when none. */
export function accessModeOf(value: string): AccessMode | undefined {
  return claimAccessModes.find((m) => m === value || accessModeShortNames[m] === value.toUpperCase());
}
