import { defineMessages } from './define.js';

/** The lab's own Kubernetes node: init's option, check's explanation, status, the kubeconfig. */
export const kubeNodeMessages = defineMessages(
  {
    initBadVersion: '--kubernetes {value} is not a choice: give "current" ({current}, the CSI path), "heketi" ({heketi}, the original guide\'s Heketi path) or a release v1.24 or later such as v1.33.',
    initNodeAdded: 'Kubernetes node "{name}" ({address}, Kubernetes {version}, {cpus} CPUs, {memory} MB) is on in {file}: "gluster-lab up" brings it up with the lab and copies its kubeconfig into the lab.',
    initNodeUnchanged: 'The Kubernetes node is already on in {file} (Kubernetes {version}).',
    versionChoices: 'Kubernetes versions for the lab\'s node: {current} (a current release: storage through the CSI path, csi-driver-nfs and NFS-Ganesha) or {heketi} (the original guide\'s Heketi path with the in-tree glusterfs provisioner, removed in v1.26; end of life, for learning only).',
    kubeconfigWritten: 'The lab\'s cluster: kubeconfig {file} (context "{context}", server {server}); gluster-lab uses it unless --kubeconfig or --context say otherwise.',
    kubeconfigFailed: 'Could not copy the node\'s kubeconfig: {reason}. Run "gluster-lab up" again once the node "{name}" is running.',
    demoNode: 'The simulated lab has its own Kubernetes node ({version}): up brings it up with the gluster VMs, and every later step uses its kubeconfig — no other cluster, no kubectl typed.',
  },
  {
    initBadVersion: '--kubernetes {value} は選べません。"current"（{current}、CSI の経路）、"heketi"（{heketi}、元の手順の Heketi の経路）、または v1.33 のような v1.24 以降のリリースを指定してください。',
    initNodeAdded: '{file} で Kubernetes ノード "{name}"（{address}、Kubernetes {version}、CPU {cpus} 個、{memory} MB）を有効にしました。"gluster-lab up" でラボと一緒に起動し、その kubeconfig をラボにコピーします。',
    initNodeUnchanged: '{file} では Kubernetes ノードは既に有効です（Kubernetes {version}）。',
    versionChoices: 'ラボのノードで選べる Kubernetes のバージョン: {current}（現行のリリース。CSI の経路 = csi-driver-nfs と NFS-Ganesha でストレージを使います）または {heketi}（元の手順の Heketi の経路。in-tree の glusterfs プロビジョナーは v1.26 で削除されました。サポート終了版なので学習用です）。',
    kubeconfigWritten: 'ラボのクラスター: kubeconfig {file}（コンテキスト "{context}"、サーバー {server}）。--kubeconfig や --context を指定しない限り gluster-lab はこれを使います。',
    kubeconfigFailed: 'ノードの kubeconfig をコピーできませんでした: {reason}。ノード "{name}" が動いている状態で、もう一度 "gluster-lab up" を実行してください。',
    demoNode: 'シミュレーションのラボに専用の Kubernetes ノード（{version}）があります。up で gluster の VM と一緒に起動し、以降の手順はその kubeconfig を使います。ほかのクラスターも kubectl の入力も不要です。',
  },
);
