// Whether this machine can run real daemons in a network namespace (root, `ip netns`) and the
// programs a test needs. Elsewhere the tests skip with a line that says why; in CI
// (CI=true, kept by test/setup/test-env.ts as GLUSTER_LAB_TEST_CI) they must run, so they fail.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';

export interface DaemonGate {
  /** Why real daemons cannot run here; undefined when they can. */
  reason: string | undefined;
  /** Skip the tests: they cannot run and this is not CI. */
  skip: boolean;
}

const sbinPath = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The absolute path of a program on PATH or in the sbin directories, or undefined. */
export function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...sbinPath];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Checks root, `programs` (name → Debian package), `files` (path → Debian package: libraries,
 * headers, plugins) and, unless told not to, network namespaces.
 */
export async function daemonGate(programs: Record<string, string>, options: { netns?: boolean; files?: Record<string, string> } = {}): Promise<DaemonGate> {
  const missingFiles = Object.entries(options.files ?? {}).filter(([path]) => !existsSync(path));
  const reason =
    (await unavailableReason(options.netns === false ? programs : { ...programs, ip: 'iproute2' }, options.netns !== false)) ??
    (missingFiles.length > 0 ? `${missingFiles.map(([path]) => path).join(', ')} missing (apt-get install ${[...new Set(missingFiles.map(([, pkg]) => pkg))].join(' ')})` : undefined);
  const ci = ['true', '1'].includes((process.env.GLUSTER_LAB_TEST_CI ?? '').toLowerCase());
  if (reason && !ci) console.warn(`real daemons: skipping — ${reason}`);
  return { reason, skip: reason !== undefined && !ci };
}

/** Throws in a test (or beforeAll) when the gate is closed: in CI a missing daemon is a failure. */
export function assertGateOpen(gate: DaemonGate): void {
  if (gate.reason) throw new Error(`real daemons cannot run on this CI machine: ${gate.reason}`);
}

async function unavailableReason(programs: Record<string, string>, netns: boolean): Promise<string | undefined> {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, daemons on loopback addresses, loop devices)';
  const missing = Object.entries(programs).filter(([name]) => !findProgram(name));
  if (missing.length > 0) return `${missing.map(([name]) => name).join(', ')} not installed (apt-get install ${[...new Set(missing.map(([, pkg]) => pkg))].join(' ')})`;
  if (!netns) return undefined;
  // Creating a namespace is the only real test that namespaces work (containers may forbid it).
  const probe = `gl-probe-${process.pid}`;
  const added = await execa('ip', ['netns', 'add', probe], { reject: false, timeout: 10_000, stdin: 'ignore' });
  if (added.exitCode !== 0) return `cannot create a network namespace: ${added.stderr.trim() || `ip exited ${added.exitCode}`}`;
  await execa('ip', ['netns', 'delete', probe], { reject: false, timeout: 10_000, stdin: 'ignore' });
  return undefined;
}
