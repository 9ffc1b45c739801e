import type { KubeBody } from './kube-object.js';
import { isJsonInput, runKubectl } from './kubectl-cli.js';
import type { ToolAnswer, ToolRequest } from './tool-server.js';
import { runRecordedVagrant } from './vagrant-cli.js';

/**
 * The simulated kubectl's answer to one call, computed in this process: what
 * dist/sim-bin/kubectl.js would print and exit with. An error of the simulator itself ends
 * in its stack on stderr and exit 1, as the bin's does.
 */
export function kubectlAnswer(request: Omit<ToolRequest, 'tool'>, parseYaml: (text: string) => KubeBody[]): ToolAnswer {
  let stdout = '';
  let stderr = '';
  try {
    const code = runKubectl(request.argv, {
      env: request.stateFile ? { GLUSTER_LAB_SIM_STATE: request.stateFile } : {},
      stdin: request.stdin,
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
      pid: request.pid,
      cwd: request.cwd,
      ...(isJsonInput(request.stdin) ? {} : { parseYaml }),
    });
    return { code, stdout, stderr };
  } catch (error) {
    return { code: 1, stdout, stderr: `${stderr}${error instanceof Error ? error.stack : String(error)}\n` };
  }
}

/** The simulated vagrant's answer to one call, computed in this process and recorded in the call log as the bin records its runs. */
export async function vagrantAnswer(request: ToolRequest, speed: number): Promise<ToolAnswer> {
  let stdout = '';
  let stderr = '';
  const env = { ...(request.stateFile ? { GLUSTER_LAB_SIM_STATE: request.stateFile } : {}), GLUSTER_LAB_SIM_SPEED: String(speed) };
  const io = { cwd: request.cwd, env, stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)), signal: new AbortController().signal };
  const code = await runRecordedVagrant(request.argv, io, request.pid);
  return { code, stdout, stderr };
}

function sink(add: (text: string) => void): NodeJS.WritableStream {
  return { write: (chunk: string | Uint8Array) => (add(String(chunk)), true) } as NodeJS.WritableStream;
}
