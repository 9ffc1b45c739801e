import { defineMessages } from './define.js';

/**
 * Sentences of `gluster-lab diagnose` and of the findings printed by other flows. The
 * `{source}` of heading/nothingMatched is one of stdinName, pastedName or fileName: the
 * Japanese templates put the particle right after it, so a file name is quoted 「…」.
 */
export const diagnosisMessages = defineMessages(
  {
    heading: '{count} known issue(s) found in {source}, most likely first:',
    nothingMatched:
      'No known issue matched {source}. gluster-lab does not guess: read the last error lines yourself, or run `gluster-lab doctor` to check the lab live.',
    fixLabel: 'Fix:',
    evidenceLabel: 'Seen in the log:',
    linksLabel: 'More:',
    stdinName: 'standard input',
    pastedName: 'the pasted log',
    fileName: '{file}',
    unreadable: 'Cannot read {file}: {reason}. Check the path and that you may read it.',
    isDirectory: 'it is a directory, not a log file',
    usage: 'diagnose needs one argument: a log file, or - to read standard input (e.g. `vagrant up 2>&1 | gluster-lab diagnose -`).',
    emptyInput:
      '{source} was empty: there is nothing to diagnose. Paste the error output itself; when piping a command, add 2>&1 so its error output comes along (e.g. `vagrant up 2>&1 | gluster-lab diagnose -`).',
  },
  {
    heading: '{source}に既知の問題が {count} 件見つかりました（可能性の高い順）:',
    nothingMatched:
      '{source}に一致する既知の問題はありませんでした。gluster-lab は推測しません。最後のエラー行をご自身で確認するか、`gluster-lab doctor` でラボの現在の状態を確認してください。',
    fixLabel: '対処:',
    evidenceLabel: 'ログの該当行:',
    linksLabel: '参考:',
    stdinName: '標準入力',
    pastedName: '貼り付けたログ',
    fileName: '「{file}」',
    unreadable: '{file} を読めません: {reason}。パスと読み取り権限を確認してください。',
    isDirectory: 'ログファイルではなくディレクトリです',
    usage: 'diagnose には引数が 1 つ必要です。ログファイルを指定するか、標準入力から読むには - を指定してください（例: `vagrant up 2>&1 | gluster-lab diagnose -`）。',
    emptyInput:
      '{source}は空でした。診断するものがありません。エラー出力そのものを貼り付けてください。コマンドの出力をパイプで渡す場合は、エラー出力も届くように 2>&1 を付けてください（例: `vagrant up 2>&1 | gluster-lab diagnose -`）。',
  },
);
