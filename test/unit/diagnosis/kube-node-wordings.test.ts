import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/diagnosis/scan-log.js';

// The lab's own Kubernetes node (kube-node): wordings the real reports in
// test/fixtures/diagnosis/ do not carry, and how these findings rank against the others.
const diagnose = (lines: string[]) => diagnoseText(lines, { lang: 'en', os: 'linux' });

describe('kube-node wordings', () => {
  it("recognises kubeadm v1.31+'s kubelet-check (127.0.0.1, \"returned error\", \"not healthy after\")", () => {
    // The lines as kubeadm's waiter (cmd/kubeadm/app/util/apiclient/wait.go) prints them.
    for (const line of [
      '[kubelet-check] The kubelet is not healthy after 4m0.000782489s',
      '\tThe HTTP call equal to \'curl -sSL http://127.0.0.1:10248/healthz\' returned error: Get "http://127.0.0.1:10248/healthz": context deadline exceeded',
    ]) {
      const [first] = diagnose([line]);
      expect(first?.id, line).toBe('kubelet-not-healthy');
      expect(first?.category).toBe('kube-node');
    }
  });

  it('leaves kubeadm\'s warnings alone: a non-fatal Swap or NumCPU check is no failure', () => {
    expect(diagnose([
      '\t[WARNING Swap]: swap is enabled; production deployments should disable swap unless testing the NodeSwap feature gate of the kubelet',
      '        [WARNING NumCPU]: the number of available CPUs 1 is less than the required 2',
    ])).toEqual([]);
  });

  it('names the preflight failure itself only when no [ERROR …] line says which check failed', () => {
    const closing = 'error execution phase preflight: [preflight] Some fatal errors occurred:';
    const bridge = '\t[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables contents are not set to 1';
    expect(diagnose([closing, bridge]).map((f) => f.id)).toEqual(['kubeadm-preflight-failed']);
    const swap = '\t[ERROR Swap]: running with swap on is not supported. Please disable swap';
    expect(diagnose([closing, swap]).map((f) => f.id)).toEqual(['kubeadm-swap-on']);
  });

  it('puts the named cause before the kubelet-check timeout it ends in', () => {
    const findings = diagnose([
      "[kubelet-check] The HTTP call equal to 'curl -sSL http://localhost:10248/healthz' failed with error: Get http://localhost:10248/healthz: dial tcp 127.0.0.1:10248: connect: connection refused.",
      'kubelet[27956]: F1014 19:15:43.743985   27956 server.go:271] failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd"',
    ]);
    expect(findings.map((f) => f.id)).toEqual(['kubelet-cgroup-driver-mismatch', 'kubelet-not-healthy']);
  });

  it('comes before kubectl finding no cluster afterwards, and after apt failing to install kubeadm before it', () => {
    const swap = '\t[ERROR Swap]: running with swap on is not supported. Please disable swap';
    const noCluster = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
    expect(diagnose([swap, noCluster]).map((f) => f.category)).toEqual(['kube-node', 'k8s-unreachable']);
    const apt = 'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?';
    expect(diagnose([apt, swap]).map((f) => f.category)).toEqual(['provisioning-packages', 'kube-node']);
  });

  it('gives every kube-node finding a Japanese title and a fix that works on the lab\'s node', () => {
    const ids = ['kubeadm-swap-on', 'kubeadm-port-in-use', 'kubelet-cgroup-driver-mismatch', 'kube-node-cni-missing'];
    const lines = [
      '\t[ERROR Swap]: running with swap on is not supported. Please disable swap',
      '\t[ERROR Port-6443]: Port 6443 is in use',
      'misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"',
      'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized',
    ];
    const ja = diagnoseText(lines, { lang: 'ja', os: 'windows' });
    expect(ja.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const finding of ja) {
      expect(finding.title, finding.id).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(finding.fix, finding.id).toContain('vagrant ssh k8s');
      expect(finding.fix, finding.id).toContain('gluster-lab up --provision');
    }
  });
});
