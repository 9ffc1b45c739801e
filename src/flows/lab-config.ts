import type { AppContext } from '../context.js';
import type { LabConfig } from '../lab/config-schema.js';
import { LabConfigError, loadLabConfig } from '../lab/config.js';

/**
 * Reads gluster-lab.yaml; when there is none (or it is broken) says so through `fail`
 * (stderr by default, a flow's report otherwise) and gives undefined. Other errors throw.
 */
export async function labConfigOrReport(
  ctx: AppContext,
  fail: (message: string) => void = (message) => ctx.stderr.write(`${message}\n`),
): Promise<LabConfig | undefined> {
  try {
    return await loadLabConfig(ctx.labDir, ctx.lang);
  } catch (error) {
    if (!(error instanceof LabConfigError)) throw error;
    fail(error.message);
    return undefined;
  }
}
