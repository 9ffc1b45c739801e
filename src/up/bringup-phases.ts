/** Where one VM stands during `vagrant up`, in the order it goes through them. */
export type VmPhase = 'queued' | 'importing' | 'booting' | 'ssh' | 'folders' | 'provisioning' | 'ready' | 'failed';

/**
 * Vagrant's own step messages (plugins/providers/virtualbox/action/*.rb, en.yml) and
 * the phase each one starts. Matched against the start of the line text, after the
 * `==> name: ` prefix is gone. Order does not matter: phases only move forward.
 */
const PHASE_STARTS: ReadonlyArray<readonly [string, VmPhase]> = [
  ['Box \'', 'importing'], // "Box 'x' could not be found. Attempting to find and install..."
  ['Adding box', 'importing'],
  ['Downloading:', 'importing'],
  ['Importing base box', 'importing'],
  ['Cloning VM', 'importing'],
  ['Clearing any previously set', 'booting'],
  ['Booting VM', 'booting'],
  ['Resuming suspended VM', 'booting'],
  ['Waiting for machine to boot', 'ssh'],
  ['Machine booted and ready', 'folders'],
  ['Mounting shared folders', 'folders'],
  ['Running provisioner', 'provisioning'],
];

const RANK: Record<VmPhase, number> = { queued: 0, importing: 1, booting: 2, ssh: 3, folders: 4, provisioning: 5, ready: 6, failed: 7 };

/** The phase a step message starts, if it is one of Vagrant's. */
export function phaseOfLine(text: string): VmPhase | undefined {
  for (const [start, phase] of PHASE_STARTS) if (text.startsWith(start)) return phase;
  return undefined;
}

/**
 * Phases only move forward during one `up`: a late detail line never moves a VM back.
 * One exception: a VM just started counts as booting until a line says it imports its box.
 */
export function laterPhase(current: VmPhase, next: VmPhase): VmPhase {
  if (current === 'booting' && next === 'importing') return next;
  return RANK[next] > RANK[current] ? next : current;
}

export function isFinished(phase: VmPhase): boolean {
  return phase === 'ready' || phase === 'failed';
}
