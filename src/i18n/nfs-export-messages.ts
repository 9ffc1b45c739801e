import { defineMessages } from './define.js';

/** The NFS export of the CSI path (NFS-Ganesha on the gluster VMs), as `status` and `doctor` report it. */
export const nfsExportMessages = defineMessages(
  {
    heading: 'NFS export {export} (volume {volume}, port {port}):',
    noVm: '  the lab has no gluster VM',
    answers: '  {vm} ({address}): answers',
    notAnswering: '  {vm} ({address}): not answering ({reason}). In the lab directory: vagrant ssh {vm} -c \'sudo systemctl status nfs-ganesha --no-pager\'',
    notRunning: '  {vm} ({address}): not asked: {vm} is not running ("gluster-lab up" starts it)',
    summary: '{answering} of {asked} gluster VMs answer on port {port}',
    downTitle: 'NFS-Ganesha does not answer on {vms}',
    downWhat: 'Nothing accepted a connection on port {port} of {items}, so csi-driver-nfs cannot mount the export {export} from there. NFS-Ganesha is stopped, or still waiting for the volume {volume} (it starts once Heketi has made it: "vagrant provision {heketi}"), or the VM\'s network is down.',
    downFix: 'In the lab directory (cd {dir}): vagrant ssh {vm} -c \'sudo systemctl status nfs-ganesha --no-pager\' and vagrant ssh {vm} -c \'sudo tail -n 30 /var/log/ganesha/ganesha.log\'. "vagrant provision {vm}" rewrites the export and restarts NFS-Ganesha; run "vagrant provision {heketi}" first if the volume {volume} is missing.',
  },
  {
    heading: 'NFS エクスポート {export}（ボリューム {volume}、ポート {port}）:',
    noVm: '  ラボに gluster VM がありません',
    answers: '  {vm}（{address}）: 応答あり',
    notAnswering: '  {vm}（{address}）: 応答がありません（{reason}）。ラボのディレクトリで: vagrant ssh {vm} -c \'sudo systemctl status nfs-ganesha --no-pager\'',
    notRunning: '  {vm}（{address}）: 問い合わせていません: {vm} が起動していません（"gluster-lab up" で起動します）',
    summary: 'gluster VM {asked} 台中 {answering} 台がポート {port} で応答',
    downTitle: '{vms} で NFS-Ganesha が応答しません',
    downWhat: '{items} のポート {port} が接続を受け付けないため、csi-driver-nfs はそこからエクスポート {export} をマウントできません。NFS-Ganesha が止まっているか、ボリューム {volume} を待っている（Heketi が作成した後に起動します: "vagrant provision {heketi}"）か、VM のネットワークが停止しています。',
    downFix: 'ラボのディレクトリで（cd {dir}）: vagrant ssh {vm} -c \'sudo systemctl status nfs-ganesha --no-pager\' と vagrant ssh {vm} -c \'sudo tail -n 30 /var/log/ganesha/ganesha.log\' を実行してください。"vagrant provision {vm}" でエクスポートを書き直し NFS-Ganesha を再起動します。ボリューム {volume} がない場合は先に "vagrant provision {heketi}" を実行してください。',
  },
);
