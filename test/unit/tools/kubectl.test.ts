import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyManifest,
  createManifest,
  currentTarget,
  deleteResource,
  execInPod,
  getEvents,
  getPod,
  getPods,
  getPvc,
  getPvcs,
  getPvs,
  getStorageClasses,
  isNotFound,
  kubectlArgs,
  kubectlClientVersion,
  kubectlVersion,
  patchResource,
  podLogs,
} from '../../../src/tools/kubectl.js';
import { makeFakeTools } from './fake-tool.js';
import { fixture, fixturesDir } from './real-samples.js';
import { stringContaining } from '../../string-containing.js';

const kube = { context: 'kind-lab', kubeconfig: '/home/u/.kube/lab config' };
const target = ['--context', 'kind-lab', '--kubeconfig', '/home/u/.kube/lab config'];

describe('kubectlArgs', () => {
  it('puts --context and --kubeconfig before the subcommand, only when set', () => {
    expect(kubectlArgs(kube, ['get', 'pv', '-o', 'json'])).toEqual([...target, 'get', 'pv', '-o', 'json']);
    expect(kubectlArgs({ context: 'c' }, ['get', 'pv'])).toEqual(['--context', 'c', 'get', 'pv']);
    expect(kubectlArgs({ kubeconfig: '/k' }, ['get', 'pv'])).toEqual(['--kubeconfig', '/k', 'get', 'pv']);
    expect(kubectlArgs({}, ['get', 'pv'])).toEqual(['get', 'pv']);
  });
});

describe('kubectl argument lists and parsing (fake kubectl on PATH)', () => {
  let fake: Awaited<ReturnType<typeof makeFakeTools>>;
  beforeAll(async () => {
    fake = await makeFakeTools(['kubectl']);
  });
  afterAll(() => fake.cleanup());
  const opts = () => ({ env: fake.env });
  const argv = async () => (await fake.recorded('kubectl')).argv;

  it('kubectlClientVersion: version --client -o json', async () => {
    await fake.answer('kubectl', fixture('kubectl/version-client-1.32.json'));
    expect(await kubectlClientVersion(kube, opts())).toMatchObject({ major: '1', minor: '32+', gitVersion: 'v1.32.4-dispatcher' });
    expect(await argv()).toEqual([...target, 'version', '--client', '-o', 'json']);
  });

  it('kubectlVersion: version -o json, client and server', async () => {
    await fake.answer('kubectl', fixture('kubectl/version-server-1.27.json'));
    const versions = await kubectlVersion(kube, opts());
    expect(versions.server).toMatchObject({ major: '1', minor: '27', gitVersion: 'v1.27.3' });
    expect(versions.client.gitVersion).toBe('v1.32.4-dispatcher');
    expect(await argv()).toEqual([...target, 'version', '-o', 'json']);
  });

  it('kubectlVersion: an unreachable server is a ToolError with kubectl\'s sentence', async () => {
    await fake.answer(
      'kubectl',
      fixture('kubectl/version-client-1.32.json'),
      1,
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    );
    await expect(kubectlVersion({}, opts())).rejects.toMatchObject({ kind: 'failed', exitCode: 1, stderrTail: stringContaining('was refused') });
  });

  it('currentTarget: config view --minify -o json → context, cluster, server, user', async () => {
    await fake.answer('kubectl', fixture('kubectl/config-view-minify.json'));
    expect(await currentTarget(kube, opts())).toEqual({
      context: 'kind-lab',
      cluster: 'lab',
      server: 'https://127.0.0.1:6443',
      user: 'lab-admin',
      namespace: 'storage-test',
    });
    expect(await argv()).toEqual([...target, 'config', 'view', '--minify', '-o', 'json']);
  });

  it('getStorageClasses: get storageclass -o json', async () => {
    await fake.answer('kubectl', fixture('kubectl/storageclass-list-two-defaults.json'));
    const list = await getStorageClasses(kube, opts());
    expect(list.items.map((s) => [s.metadata.name, s.provisioner, s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']])).toEqual([
      ['gluster-heketi', 'kubernetes.io/glusterfs', 'true'],
      ['standard', 'rancher.io/local-path', 'true'],
    ]);
    expect(await argv()).toEqual([...target, 'get', 'storageclass', '-o', 'json']);
  });

  it('getPvcs: -n NS, or -A for all namespaces', async () => {
    await fake.answer('kubectl', fixture('kubectl/pvc-list-bound-and-pending.json'));
    const list = await getPvcs(kube, 'default', opts());
    expect(list.items.map((p) => [p.metadata.name, p.status?.phase, p.spec.volumeName])).toEqual([
      ['gluster-data', 'Bound', 'pvc-7f3c2a10-2b7e-4c55-9a1e-000000000012'],
      ['gluster-pending', 'Pending', undefined],
    ]);
    expect(await argv()).toEqual([...target, 'get', 'pvc', '-n', 'default', '-o', 'json']);
    await getPvcs({}, 'all', opts());
    expect(await argv()).toEqual(['get', 'pvc', '-A', '-o', 'json']);
  });

  it('getPvc, getPod: get KIND NAME -n NS -o json', async () => {
    await fake.answer('kubectl', JSON.stringify({ kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: {} }));
    expect((await getPvc(kube, 'lab', 'data', opts())).metadata.name).toBe('data');
    expect(await argv()).toEqual([...target, 'get', 'pvc', 'data', '-n', 'lab', '-o', 'json']);
    await getPod({}, 'lab', 'client-0', opts());
    expect(await argv()).toEqual(['get', 'pod', 'client-0', '-n', 'lab', '-o', 'json']);
  });

  it('getPvs: the glusterfs volume source of a Heketi PV', async () => {
    await fake.answer('kubectl', fixture('kubectl/pv-list-glusterfs.json'));
    const [pv] = (await getPvs(kube, opts())).items;
    expect(pv?.spec.glusterfs).toEqual({ endpoints: 'glusterfs-dynamic-7f3c2a10-2b7e-4c55-9a1e-000000000012', path: 'vol_d5b2b04a138cc3ad981eea8af73c42e0' });
    expect(pv?.spec.claimRef?.name).toBe('gluster-data');
    expect(await argv()).toEqual([...target, 'get', 'pv', '-o', 'json']);
  });

  it('getPods: -n NS / -A', async () => {
    await fake.answer('kubectl', fixture('kubectl/pod-list-permission-denied.json'));
    const [pod] = (await getPods(kube, 'all', opts())).items;
    expect(pod?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(await argv()).toEqual([...target, 'get', 'pods', '-A', '-o', 'json']);
  });

  it('getEvents: a field selector on the involved object', async () => {
    await fake.answer('kubectl', fixture('kubectl/event-list-provisioningfailed.json'));
    const [event] = (await getEvents(kube, 'default', { kind: 'PersistentVolumeClaim', name: 'gluster-pending' }, opts())).items;
    expect([event?.type, event?.reason, event?.count]).toEqual(['Warning', 'ProvisioningFailed', 12]);
    expect(await argv()).toEqual([
      ...target,
      'get',
      'events',
      '-n',
      'default',
      '--field-selector',
      'involvedObject.kind=PersistentVolumeClaim,involvedObject.name=gluster-pending',
      '-o',
      'json',
    ]);
  });

  it('applyManifest / createManifest: the manifest goes as JSON on stdin', async () => {
    const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'heketi-secret', namespace: 'default' }, type: 'kubernetes.io/glusterfs' };
    await fake.answer('kubectl', JSON.stringify({ ...manifest, metadata: { ...manifest.metadata, uid: 'u1' } }));
    expect(await applyManifest(kube, manifest, opts())).toMatchObject({ metadata: { uid: 'u1' } });
    let seen = await fake.recorded('kubectl');
    expect(seen.argv).toEqual([...target, 'apply', '-f', '-', '-o', 'json']);
    expect(JSON.parse(seen.stdin)).toEqual(manifest);
    await createManifest({}, manifest, opts());
    seen = await fake.recorded('kubectl');
    expect(seen.argv).toEqual(['create', '-f', '-', '-o', 'json']);
    expect(JSON.parse(seen.stdin)).toEqual(manifest);
  });

  it('deleteResource: --ignore-not-found and an explicit --wait', async () => {
    await fake.answer('kubectl', 'persistentvolumeclaim "data" deleted\n');
    await deleteResource(kube, 'pvc', 'data', 'lab', opts());
    expect(await argv()).toEqual([...target, 'delete', 'pvc', 'data', '-n', 'lab', '--ignore-not-found', '--wait=false']);
    await deleteResource({}, 'storageclass', 'gluster-heketi', undefined, { ...opts(), wait: true });
    expect(await argv()).toEqual(['delete', 'storageclass', 'gluster-heketi', '--ignore-not-found', '--wait=true']);
  });

  it('patchResource: --type merge -p JSON -o json', async () => {
    await fake.answer('kubectl', '{"kind":"StorageClass","metadata":{"name":"standard"}}');
    const patch = { metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } } };
    await patchResource(kube, 'storageclass', 'standard', patch, undefined, opts());
    expect(await argv()).toEqual([...target, 'patch', 'storageclass', 'standard', '--type', 'merge', '-p', JSON.stringify(patch), '-o', 'json']);
  });

  it('podLogs and execInPod', async () => {
    await fake.answer('kubectl', 'touch: /data/x: Permission denied\n');
    expect(await podLogs(kube, 'lab', 'client-0', 50, opts())).toBe('touch: /data/x: Permission denied\n');
    expect(await argv()).toEqual([...target, 'logs', 'client-0', '-n', 'lab', '--tail=50']);
    await execInPod(kube, 'lab', 'client-0', ['sh', '-c', 'id -u; ls -ld /data'], opts());
    expect(await argv()).toEqual([...target, 'exec', 'client-0', '-n', 'lab', '--', 'sh', '-c', 'id -u; ls -ld /data']);
  });

  it('isNotFound recognises kubectl\'s NotFound error', async () => {
    await fake.answer('kubectl', '', 1, 'Error from server (NotFound): persistentvolumeclaims "nope" not found\n');
    const error = await getPvc(kube, 'lab', 'nope', opts()).catch((e: unknown) => e);
    expect(isNotFound(error)).toBe(true);
  });

  it('output that is not JSON is a ToolError keeping the output', async () => {
    await fake.answer('kubectl', 'NAME   STATUS\n');
    await expect(getPvs(kube, opts())).rejects.toMatchObject({ kind: 'failed', stdoutTail: 'NAME   STATUS' });
  });
});

describe('the real kubectl on this machine', () => {
  const haveKubectl = (() => {
    try {
      execFileSync('kubectl', ['version', '--client', '-o', 'json'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!haveKubectl)('kubectlClientVersion parses `kubectl version --client -o json`', async () => {
    const version = await kubectlClientVersion({});
    expect(version.major).toBe('1');
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+/);
  });

  it.skipIf(!haveKubectl)('currentTarget honours --context and --kubeconfig (real kubectl, no cluster contacted)', async () => {
    const kubeconfig = `${fixturesDir}/kubectl/kubeconfig-two-contexts.yaml`;
    expect(await currentTarget({ kubeconfig })).toMatchObject({ context: 'kind-lab', server: 'https://127.0.0.1:6443' });
    expect(await currentTarget({ kubeconfig, context: 'other' })).toEqual({
      context: 'other',
      cluster: 'other',
      server: 'https://127.0.0.1:7443',
      user: 'other-admin',
    });
  });
});
