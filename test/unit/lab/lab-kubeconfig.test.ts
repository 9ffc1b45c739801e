import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { labKubeconfig } from '../../../src/lab/lab-kubeconfig.js';

// kubeadm v1.25+'s /etc/kubernetes/admin.conf, as `kubeadm init` writes it (certificate data shortened).
const adminConf = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
    server: https://10.0.2.15:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==
`;

describe('the lab\'s copy of kubeadm\'s admin kubeconfig', () => {
  it('names the cluster, user and context after the lab, points at the node\'s host-only address, and keeps the credentials', () => {
    const out = parse(labKubeconfig(adminConf, { name: 'my-lab', server: 'https://192.168.56.24:6443' })) as Record<string, unknown>;
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'my-lab', cluster: { 'certificate-authority-data': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', server: 'https://192.168.56.24:6443' } }],
      users: [{ name: 'my-lab-admin', user: { 'client-certificate-data': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', 'client-key-data': 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==' } }],
      contexts: [{ name: 'my-lab', context: { cluster: 'my-lab', user: 'my-lab-admin' } }],
      'current-context': 'my-lab',
      preferences: {},
    });
  });

  it('gives the same text for the same input (a second up rewrites nothing)', () => {
    const target = { name: 'gluster-lab', server: 'https://192.168.56.24:6443' };
    expect(labKubeconfig(adminConf, target)).toBe(labKubeconfig(adminConf, target));
  });

  it('refuses what is not a kubeconfig, saying what is missing and never echoing the text', () => {
    expect(() => labKubeconfig('cat: /etc/kubernetes/admin.conf: No such file or directory', { name: 'l', server: 's' })).toThrow(/^not a kubeconfig \(not YAML\)$/);
    expect(() => labKubeconfig('kind: Pod\n', { name: 'l', server: 's' })).toThrow('not a kubeconfig (kind: Config)');
    // A broken file's text (here a key) is not quoted back.
    expect(() => labKubeconfig('client-key-data: SECRET\n  bad: [', { name: 'l', server: 's' })).toThrow(/^not a kubeconfig \(not YAML\)$/);
    const noUser = adminConf.replace('- name: kubernetes-admin\n', '- name: someone-else\n');
    expect(() => labKubeconfig(noUser, { name: 'l', server: 's' })).toThrow('no user "kubernetes-admin"');
    const otherContext = adminConf.replace('current-context: kubernetes-admin@kubernetes', 'current-context: gone');
    expect(() => labKubeconfig(otherContext, { name: 'l', server: 's' })).toThrow('no context "gone"');
  });
});
