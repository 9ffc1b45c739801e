import { defineMessages } from './define.js';

/** `gluster-lab demo`. */
export const demoMessages = defineMessages(
  {
    badScenario: 'Unknown scenario "{name}". Scenarios: {names}.',
    badSpeed: '--speed must be a number from 1 to 1000, not "{value}".',
    starting: 'Simulation: a lab in {dir} backed by simulated vagrant, VBoxManage, kubectl and Heketi. Nothing real is created or contacted.',
    scenarios: 'Scenarios: {names}',
    tourStep: '── SIMULATION · demo: gluster-lab {command} ──',
    tourStepFailed: 'The simulated step "{command}" ended with exit code {code}; the tour stops here.',
    finished: 'Simulation finished; its temporary files were removed.',
    askCluster: 'Which Kubernetes should the simulated cluster run?',
    clusterToday: 'v1.31, as clusters are today — storage takes the CSI path (csi-driver-nfs over NFS-Ganesha)',
    clusterGuide: 'v1.24, as in the original guide — storage offers the Heketi path (in-tree glusterfs) and the CSI path',
  },
  {
    badScenario: '不明なシナリオ "{name}" です。シナリオ: {names}。',
    badSpeed: '--speed には 1 から 1000 までの数を指定してください（"{value}" は使えません）。',
    starting: 'シミュレーション: {dir} のラボを、模擬の vagrant、VBoxManage、kubectl、Heketi で動かします。実際には何も作成・接続しません。',
    scenarios: 'シナリオ: {names}',
    tourStep: '── シミュレーション · デモ: gluster-lab {command} ──',
    tourStepFailed: '模擬ステップ "{command}" が終了コード {code} で終わったため、ツアーはここで止まります。',
    finished: 'シミュレーションを終了し、一時ファイルを削除しました。',
    askCluster: '模擬クラスターで動かす Kubernetes はどれにしますか？',
    clusterToday: 'v1.31（今のクラスター）— ストレージは CSI パス（NFS-Ganesha 上の csi-driver-nfs）を使います',
    clusterGuide: 'v1.24（元のガイドのとおり）— ストレージは Heketi パス（ツリー内の glusterfs）と CSI パスを選べます',
  },
);
