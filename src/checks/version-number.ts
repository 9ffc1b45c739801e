/** A dotted version reduced to numbers: "2.4.2.dev" → [2, 4, 2], "7.0.14_Ubuntu" → [7, 0, 14]. */
function versionParts(version: string): number[] {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  if (!match) return [];
  return match.slice(1).filter((part): part is string => part !== undefined).map(Number);
}

/** Negative when a < b, 0 when equal, positive when a > b; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** "7.0.14" → "7.0" (the series a driver or support table speaks of). */
export function majorMinor(version: string): string {
  const [major = 0, minor = 0] = versionParts(version);
  return `${major}.${minor}`;
}
