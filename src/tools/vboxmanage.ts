import { runTool } from './run.js';
import { ToolOutputError } from './tool-output-error.js';
import { defaultTimeouts, runOptions, type ToolOptions } from './tool-options.js';

const VBOXMANAGE = 'VBoxManage';

export interface VBoxVersion {
  /** "7.0.14" */
  version: string;
  /** "161095", the build after the `r` */
  revision?: string;
  /** The whole line, e.g. "7.0.14r161095" or "6.1.50_Debianr161033". */
  raw: string;
}

export interface HostOnlyIf {
  name: string;
  ipAddress: string;
  networkMask: string;
  /** "Up" or "Down" */
  status: string;
}

export const vboxArgs = {
  version: (): string[] => ['--version'],
  hostOnlyIfs: (): string[] => ['list', 'hostonlyifs'],
};

/** `VBoxManage --version` → `{ version: "7.0.14", revision: "161095", raw }`. */
export async function vboxVersion(opts: ToolOptions): Promise<VBoxVersion> {
  const result = await runTool(VBOXMANAGE, vboxArgs.version(), runOptions(opts, defaultTimeouts.version));
  const parsed = parseVBoxVersion(result.stdout);
  if (!parsed) throw new ToolOutputError(result, 'a version such as 7.0.14r161095');
  return parsed;
}

/**
 * Reads the last line of `--version` output: VirtualBox prints warnings (e.g. "WARNING:
 * The vboxdrv kernel module is not loaded") before the version when its driver is missing.
 */
export function parseVBoxVersion(output: string): VBoxVersion | undefined {
  const raw = output.trim().split('\n').at(-1)?.trim() ?? '';
  const match = /^(\d+\.\d+\.\d+)\S*?(?:r(\d+))?$/.exec(raw);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { version: match[1], raw } : { version: match[1], revision: match[2], raw };
}

/** `VBoxManage list hostonlyifs` → the host-only interfaces and their addresses. */
export async function vboxHostOnlyIfs(opts: ToolOptions): Promise<HostOnlyIf[]> {
  const result = await runTool(VBOXMANAGE, vboxArgs.hostOnlyIfs(), runOptions(opts, defaultTimeouts.vboxList));
  return parseHostOnlyIfs(result.stdout);
}

/** Blocks of `Key:   value` lines separated by blank lines, one block per interface (as Vagrant reads them). */
export function parseHostOnlyIfs(output: string): HostOnlyIf[] {
  return output
    .replaceAll('\r\n', '\n')
    .split(/\n\s*\n/)
    .map(parseBlock)
    .filter((block) => block.has('Name'))
    .map((block) => ({
      name: block.get('Name') ?? '',
      ipAddress: block.get('IPAddress') ?? '',
      networkMask: block.get('NetworkMask') ?? '',
      status: block.get('Status') ?? '',
    }));
}

function parseBlock(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    const match = /^([A-Za-z0-9]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) fields.set(match[1], (match[2] ?? '').trim());
  }
  return fields;
}
