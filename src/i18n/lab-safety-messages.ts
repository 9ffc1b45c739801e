import { defineMessages } from './define.js';

/** What keeps a lab whole: files repaired by init, the lab lock, directories that must not be a lab, keys checked before `up`. */
export const labSafetyMessages = defineMessages(
  {
    initRepair: '  ~ {file} — {why}; written again',
    whyEmpty: 'it was empty (a run stopped before writing it)',
    whyCutShort: 'it was cut short (a run stopped while writing it)',
    whyUnparsable: 'the key in it cannot be read',
    whyMismatch: 'it is not the public half of the private key',
    whyPair: 'its private key is made anew',
    whyMissing: 'the file is missing',
    initStopped: 'Stopped after {written} of {total} files; every file written is whole. Run the same "gluster-lab init" again to finish.',
    lockHeld: 'The lab in {dir} is busy: "gluster-lab {command}" (process {pid}) is working on it since {since}. Wait for it to finish, or stop it, then run this again.',
    lockTakenOver: 'Note: a lock left by "gluster-lab {command}" (process {pid}, no longer running) was removed.',
    dirIsRoot: 'Refusing to use {dir} as the lab directory: it is the root of the file system. Name a directory of its own, e.g. --dir ~/gluster-lab.',
    dirIsHome: 'Refusing to use {dir} as the lab directory: it is your home directory. Name a directory inside it, e.g. --dir {suggestion}.',
    dirNotALab: '{dir} is not empty and is not a gluster-lab lab (no gluster-lab.yaml). Use an empty or new directory, or --force to add the lab files beside what is there (files of the same name that are not the lab\'s are never overwritten).',
    dirForeignFile: '  ! {file} — a file that is not the lab\'s is already there; left as it is',
    secretUnusable: 'The lab\'s key {file} cannot be used: {why}. A broken key must never reach a VM: run "gluster-lab init{dirFlag}" to repair it, then run this again.',
  },
  {
    initRepair: '  ~ {file} — {why}。書き直します',
    whyEmpty: '空でした（書き込む前に実行が止まりました）',
    whyCutShort: '途中で切れていました（書き込み中に実行が止まりました）',
    whyUnparsable: '中の鍵を読み取れません',
    whyMismatch: '秘密鍵と対になる公開鍵ではありません',
    whyPair: '対の秘密鍵を作り直します',
    whyMissing: 'ファイルがありません',
    initStopped: '{total} 個のうち {written} 個のファイルを書いたところで止めました。書いたファイルはどれも完全です。同じ "gluster-lab init" をもう一度実行すると残りを書きます。',
    lockHeld: '{dir} のラボは使用中です: "gluster-lab {command}"（プロセス {pid}）が {since} から作業しています。終わるのを待つか止めてから、もう一度実行してください。',
    lockTakenOver: '注意: 終了済みの "gluster-lab {command}"（プロセス {pid}）が残したロックを取り除きました。',
    dirIsRoot: '{dir} はファイルシステムのルートなので、ラボのディレクトリには使いません。専用のディレクトリを指定してください（例: --dir ~/gluster-lab）。',
    dirIsHome: '{dir} はホームディレクトリそのものなので、ラボのディレクトリには使いません。その中のディレクトリを指定してください（例: --dir {suggestion}）。',
    dirNotALab: '{dir} は空ではなく、gluster-lab のラボでもありません（gluster-lab.yaml がありません）。空のディレクトリか新しいディレクトリを使うか、--force でラボのファイルを横に追加してください（ラボのものではない同名のファイルは上書きしません）。',
    dirForeignFile: '  ! {file} — ラボのものではないファイルが既にあるため、そのまま残します',
    secretUnusable: 'ラボの鍵 {file} が使えません: {why}。壊れた鍵は VM に渡しません。"gluster-lab init{dirFlag}" で直してから、もう一度実行してください。',
  },
);
