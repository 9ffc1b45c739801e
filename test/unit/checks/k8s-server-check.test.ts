import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/checks/check-text.js';
import { k8sServerCheck, type K8sServerFacts } from '../../../src/checks/k8s-server-check.js';
import { errorOutcome, okOutcome } from '../../../src/checks/outcome.js';
import { ToolError } from '../../../src/tools/tool-error.js';
import { notFound } from './fake-probes.js';
import { stringContaining } from '../../string-containing.js';

const en = checkText('en', 'linux');
const clientVersion = { major: '1', minor: '30', gitVersion: 'v1.30.1' };
const client = okOutcome(clientVersion);
const target = okOutcome({ context: 'kind-lab', cluster: 'kind-lab', server: 'https://127.0.0.1:6443', user: 'kind-lab' });
const withServer = (major: string, minor: string, gitVersion: string): K8sServerFacts => ({
  client,
  target,
  versions: okOutcome({ client: clientVersion, server: { major, minor, gitVersion } }),
});

describe('k8s-server check', () => {
  it('is ok before 1.25', () => {
    expect(k8sServerCheck(withServer('1', '24', 'v1.24.17'), en)).toEqual({
      id: 'k8s-server',
      status: 'ok',
      found: 'v1.24.17 (kind-lab)',
      message: 'Context kind-lab: Kubernetes v1.24.17.',
      fix: '',
    });
  });

  it('warns on 1.25 (deprecated) and on 1.26+ (removed), also with a "+" minor', () => {
    expect(k8sServerCheck(withServer('1', '25', 'v1.25.16'), en)).toMatchObject({ status: 'warning', message: stringContaining('deprecated') });
    const removed = k8sServerCheck(withServer('1', '27+', 'v1.27.3-eks-a5565ad'), en);
    expect(removed.status).toBe('warning');
    expect(removed.message).toContain('was removed in v1.26');
    expect(removed.fix).toContain('v1.25 or older');
  });

  it('warns on a v1.30 server that reports only gitVersion (empty major/minor)', () => {
    const result = k8sServerCheck(withServer('', '', 'v1.30.2+k3s1'), en);
    expect(result).toMatchObject({ status: 'warning', found: 'v1.30.2+k3s1 (kind-lab)' });
    expect(result.message).toBe('Context kind-lab runs Kubernetes v1.30.2+k3s1: the in-tree GlusterFS provisioner (kubernetes.io/glusterfs) was removed in v1.26, so the storage step cannot provision volumes there.');
  });

  it('warns when the server does not answer, naming the context and kubectl\'s reason', () => {
    const error = new ToolError('failed', 'kubectl', ['version', '-o', 'json'], 1, 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?');
    const result = k8sServerCheck({ client, target, versions: errorOutcome(error) }, en);
    expect(result.status).toBe('warning');
    expect(result.message).toBe('The cluster of context kind-lab did not answer (The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?).');
  });

  it('warns when there is no context or no kubectl', () => {
    const noContext = errorOutcome(new ToolError('failed', 'kubectl', ['config', 'view', '--minify', '-o', 'json'], 1, 'error: current-context must exist in order to minify'));
    expect(k8sServerCheck({ client, target: noContext, versions: noContext }, en).message).toBe('kubectl has no current context: no cluster is configured yet.');
    const missing = errorOutcome(notFound('kubectl'));
    expect(k8sServerCheck({ client: missing, target: missing, versions: missing }, en)).toMatchObject({ status: 'warning', message: 'Not checked: kubectl is not installed.' });
  });
});
