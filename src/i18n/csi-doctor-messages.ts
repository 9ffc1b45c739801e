import { defineMessages } from './define.js';

/** `doctor` and `status` on the CSI path: csi-driver-nfs in the cluster, and which path the lab uses. */
export const csiDoctorMessages = defineMessages(
  {
    notUsed: 'not used: the lab has no CSI class or claim',
    summary: 'csi-driver-nfs: {ready} of {total} pods Ready',
    cannotRead: 'could not read the driver\'s pods: {reason}',
    missingTitle: 'csi-driver-nfs is not installed (fully) in this cluster',
    missingWhat: 'The lab\'s CSI class {cls} needs the driver nfs.csi.k8s.io, but the cluster lacks {missing}: its claims stay Pending and pods cannot mount them.',
    missingFix: 'Run "gluster-lab storage --path csi": it installs the pinned csi-driver-nfs {version} from the manifests shipped with gluster-lab and waits for its pods.',
    notReadyTitle: 'The csi-driver-nfs pods are not Ready',
    notReadyWhat: 'Until the controller and the node plugin run, claims of {cls} stay Pending and pods cannot mount them: {states}.',
    notReadyFix: 'Look at them with "kubectl -n {namespace} describe pod POD" (events at the end), then run "gluster-lab storage --path csi" again to re-apply the pinned release.',
    removedFixCsi: 'Take the CSI path, which works on this cluster: "gluster-lab storage --path csi" creates the class {nfsCls} (csi-driver-nfs over the lab\'s NFS-Ganesha export); move your claims there. Or use a cluster of v1.25 or older for the Heketi path (e.g. minikube start --kubernetes-version=v1.25.16).',
    classMissingFixCsi: 'Run "gluster-lab storage": on this cluster it takes the CSI path and creates the class {name}.',
    // status
    pathHeading: 'Storage path:',
    pathNone: '  none yet: "gluster-lab storage" picks one by the server version (v1.26+: CSI)',
    pathHeketi: '  Heketi — class {cls}, in-tree kubernetes.io/glusterfs, a Gluster volume per claim',
    pathCsi: '  CSI — class {cls}, csi-driver-nfs on {server}:{share}, a directory per claim',
    pathUnknown: '  unknown: the cluster\'s classes could not be read',
  },
  {
    notUsed: '使っていません: ラボの CSI のクラスも PVC もありません',
    summary: 'csi-driver-nfs: {total} 個中 {ready} 個の Pod が Ready',
    cannotRead: 'ドライバーの Pod を読めませんでした: {reason}',
    missingTitle: 'このクラスターには csi-driver-nfs が（完全には）入っていません',
    missingWhat: 'ラボの CSI クラス {cls} にはドライバー nfs.csi.k8s.io が必要ですが、クラスターに {missing} がありません。その PVC は Pending のままで、Pod はマウントできません。',
    missingFix: '"gluster-lab storage --path csi" を実行してください。gluster-lab に同梱のマニフェストから固定版の csi-driver-nfs {version} を入れ、Pod を待ちます。',
    notReadyTitle: 'csi-driver-nfs の Pod が Ready ではありません',
    notReadyWhat: 'コントローラーとノードプラグインが動くまで、{cls} の PVC は Pending のままで、Pod はマウントできません: {states}。',
    notReadyFix: '"kubectl -n {namespace} describe pod POD" で確認し（最後にイベントがあります）、"gluster-lab storage --path csi" をもう一度実行して固定版を入れ直してください。',
    removedFixCsi: 'このクラスターで動く CSI パスを使ってください: "gluster-lab storage --path csi" がクラス {nfsCls}（ラボの NFS-Ganesha エクスポート上の csi-driver-nfs）を作成します。PVC はそちらに移してください。または Heketi パスのために v1.25 以前のクラスターを使ってください（例: minikube start --kubernetes-version=v1.25.16）。',
    classMissingFixCsi: '"gluster-lab storage" を実行してください。このクラスターでは CSI パスを使い、クラス {name} を作成します。',
    pathHeading: 'ストレージのパス:',
    pathNone: '  まだありません: "gluster-lab storage" がサーバーのバージョンで選びます（v1.26 以降は CSI）',
    pathHeketi: '  Heketi — クラス {cls}、ツリー内の kubernetes.io/glusterfs、PVC ごとに Gluster ボリューム',
    pathCsi: '  CSI — クラス {cls}、{server}:{share} 上の csi-driver-nfs、PVC ごとにディレクトリ',
    pathUnknown: '  不明: クラスターのクラスを読めませんでした',
  },
);
