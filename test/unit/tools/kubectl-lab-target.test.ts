import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubectlArgs, kubectlCommandArgs } from '../../../src/tools/kubectl-args.js';

describe('kubectl argv with the lab\'s own cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-kube-target-'));
  const labKubeconfig = join(dir, 'secrets', 'kubeconfig');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copyKubeconfig = () => {
    mkdirSync(join(dir, 'secrets'), { recursive: true, mode: 0o700 });
    writeFileSync(labKubeconfig, 'kind: Config\n', { mode: 0o600 });
  };

  it('sends every call to the lab\'s kubeconfig once it exists, and to kubectl\'s default before', () => {
    expect(kubectlArgs({ labKubeconfig }, kubectlCommandArgs.pvcs('all'))).toEqual(['get', 'pvc', '-A', '-o', 'json']);
    copyKubeconfig();
    expect(kubectlArgs({ labKubeconfig }, kubectlCommandArgs.pvcs('all'))).toEqual(['--kubeconfig', labKubeconfig, 'get', 'pvc', '-A', '-o', 'json']);
    expect(kubectlArgs({ labKubeconfig }, kubectlCommandArgs.version())).toEqual(['--kubeconfig', labKubeconfig, 'version', '-o', 'json']);
  });

  it('lets --context or --kubeconfig choose another cluster', () => {
    copyKubeconfig();
    expect(kubectlArgs({ context: 'kind-old', labKubeconfig }, ['get', 'sc', '-o', 'json'])).toEqual(['--context', 'kind-old', 'get', 'sc', '-o', 'json']);
    expect(kubectlArgs({ kubeconfig: '/home/u/.kube/other', labKubeconfig }, ['get', 'sc', '-o', 'json'])).toEqual(['--kubeconfig', '/home/u/.kube/other', 'get', 'sc', '-o', 'json']);
    expect(kubectlArgs({ context: 'c', kubeconfig: '/k', labKubeconfig }, ['get', 'sc'])).toEqual(['--context', 'c', '--kubeconfig', '/k', 'get', 'sc']);
  });
});
