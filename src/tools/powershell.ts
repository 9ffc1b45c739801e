import { runTool } from './run.js';
import { runOptions, type ToolOptions } from './tool-options.js';

const POWERSHELL = 'powershell';

/** WMI is slow on a busy Windows host; past this the answer is treated as unknown. */
const hypervisorTimeoutMs = 15_000;

const powershellArgs = {
  hypervisorPresent: (): string[] => [
    '-NoProfile',
    '-NonInteractive',
    '-Command',
    '(Get-CimInstance -ClassName Win32_ComputerSystem).HypervisorPresent',
  ],
};

/**
 * Documented WMI property: true when Hyper-V, WSL2 or virtualisation-based security runs
 * Windows itself as a guest. Throws when the answer is neither True nor False.
 */
export async function windowsHypervisorPresent(opts: ToolOptions): Promise<boolean> {
  const result = await runTool(POWERSHELL, powershellArgs.hypervisorPresent(), runOptions(opts, hypervisorTimeoutMs));
  const answer = result.stdout.trim().toLowerCase();
  if (answer !== 'true' && answer !== 'false') throw new Error(`HypervisorPresent: unexpected answer "${result.stdout.trim()}"`);
  return answer === 'true';
}
