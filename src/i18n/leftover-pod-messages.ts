import { defineMessages } from './define.js';

/** What fix-permissions and doctor say about temporary pods an earlier, stopped run left behind. */
export const leftoverPodMessages = defineMessages(
  {
    removed: 'Removed {count} temporary pod(s) that an earlier gluster-lab run left behind when it was stopped: {pods}',
    notRemoved: 'Could not remove the temporary pod {namespace}/{name} that an earlier run left behind ({error}). Remove it with: kubectl delete pod {name} -n {namespace}',
  },
  {
    removed: '以前の gluster-lab の実行が止められたときに残した一時 Pod を {count} 個削除しました: {pods}',
    notRemoved: '以前の実行が残した一時 Pod {namespace}/{name} を削除できませんでした（{error}）。次のコマンドで削除してください: kubectl delete pod {name} -n {namespace}',
  },
);
