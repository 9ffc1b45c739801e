const GiB = 1024 ** 3;

/**
 * The largest claim size, in whole Gi, that Heketi can place: the glusterfs provisioner asks
 * Heketi for whole GiB (rounding up), so anything above this floor cannot be made. Undefined
 * when not even 1Gi fits.
 */
export function largestFittingSize(largestBytes: number): string | undefined {
  const gib = Math.floor(largestBytes / GiB);
  return gib >= 1 ? `${gib}Gi` : undefined;
}

/** Whether a claim of `bytes` fits, counted as the provisioner does (rounded up to whole GiB). */
export function claimFits(bytes: number, largestBytes: number): boolean {
  return Math.ceil(bytes / GiB) * GiB <= largestBytes;
}
