/** The three desktop families a fix can differ for. */
export type HostOs = 'windows' | 'macos' | 'linux';

/** Node's platform name to the family whose fix applies; other Unixes get the Linux steps. */
export function hostOs(platform: NodeJS.Platform): HostOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  return 'linux';
}
