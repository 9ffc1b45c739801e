import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { claimFits, largestFittingSize } from '../k8s/claim-room.js';
import { formatBytes } from '../k8s/quantity.js';
import { getPvc, isNotFound } from '../tools/kubectl.js';
import type { Quantity } from '../k8s/quantity.js';
import { FlowStop, type Report } from './storage-report.js';
import { toolOptions } from './tool-options-from-context.js';

/** Says that `size` cannot fit and what to do instead, and stops the flow (exit 1). */
export function refuseTooBig(ctx: AppContext, report: Report, size: Quantity, largestBytes: number): never {
  const t = translator(storageMessages, ctx.lang);
  const largest = formatBytes(largestBytes);
  const fits = largestFittingSize(largestBytes);
  if (fits === undefined) report.fail(t('sizeNoRoom', { largest }));
  else {
    report.fail(t('sizeTooBig', { size: size.text, largest }));
    report.fail(t('sizeTooBigNext', { fits }));
  }
  throw new FlowStop(ExitCode.failed, 'size', `${size.text} does not fit (largest ${largest})`);
}

/**
 * Without a terminal the size comes from --size: a claim Heketi cannot place is refused
 * before the Secret, the class or the claim is made. An existing claim of that name is
 * left to `createClaim` (its size is already decided).
 */
export async function refuseUnfittingFlag(ctx: AppContext, report: Report, claim: { name: string; namespace: string; size: Quantity }, largestBytes: number): Promise<void> {
  if (claimFits(claim.size.bytes, largestBytes)) return;
  try {
    await getPvc(ctx.kube, claim.namespace, claim.name, toolOptions(ctx));
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  refuseTooBig(ctx, report, claim.size, largestBytes);
}
