import { serverMinor, type ScenarioName } from './scenarios.js';

const patch: Record<number, string> = { 24: '17', 25: '16', 27: '16', 31: '9', 35: '3' };

/** `kubectl version -o json` as kubectl v1.32 prints it (2-space indent), server per scenario. */
export function versionJson(scenarios: readonly ScenarioName[], clientOnly: boolean, minor: number = serverMinor(scenarios)): string {
  const clientVersion = {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.4',
    gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:03:48Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
  const serverVersion = {
    major: '1',
    minor: String(minor),
    gitVersion: `v1.${minor}.${patch[minor] ?? '0'}`,
    gitCommit: '7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a',
    gitTreeState: 'clean',
    buildDate: '2023-08-15T21:24:51Z',
    goVersion: 'go1.20.7',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
  const body = clientOnly ? { clientVersion, kustomizeVersion: 'v5.5.0' } : { clientVersion, kustomizeVersion: 'v5.5.0', serverVersion };
  return `${JSON.stringify(body, null, 2)}\n`;
}
