import { runTool } from './run.js';
import { ToolOutputError } from './tool-output-error.js';
import { defaultTimeouts, runOptions, type ToolOptions } from './tool-options.js';

const gitArgs = {
  version: (): string[] => ['--version'],
};

/** `git --version` → "2.39.5" (also reads "git version 2.39.3 (Apple Git-146)" and "2.45.1.windows.1"). */
export async function gitVersion(opts: ToolOptions): Promise<string> {
  const result = await runTool('git', gitArgs.version(), runOptions(opts, defaultTimeouts.version));
  const match = /^git version (\d+\.\d+(?:\.\d+)?)/m.exec(result.stdout);
  if (!match?.[1]) throw new ToolOutputError(result, '"git version X.Y.Z"');
  return match[1];
}
