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

const vboxArgs = {
  version: (): string[] => ['--version'],
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
