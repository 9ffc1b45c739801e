import { defineMessages } from './define.js';

/**
 * What the top-level error handler (cli/error-handler.ts) says when a step stops on a
 * problem of the machine rather than of gluster-lab: a sentence naming the path and what
 * to do, never a stack trace.
 */
export const errorMessages = defineMessages(
  {
    readOnly: 'Cannot write {path}: the file system is read-only. Use a lab directory on a writable disk (--dir DIR).',
    noSpace: 'Cannot write {path}: there is no space left on the disk. Free some space and run the command again; nothing half-written was kept.',
    quota: 'Cannot write {path}: your disk quota is used up. Free some space and run the command again; nothing half-written was kept.',
    denied: 'Permission denied for {path}. Check its owner and mode (ls -ld), or use a lab directory you own (--dir DIR).',
    notDir: 'Cannot use {path}: part of that path is a file, not a directory. Use another lab directory (--dir DIR).',
    missing: '{path} does not exist. Check the path; "gluster-lab init" creates a lab directory.',
    cannotCreate: 'Cannot create the folder {path}: the file system there does not allow new folders (a system folder such as /proc, or one that is going away). Choose a lab directory elsewhere, e.g. ~/gluster-lab.',
    isDir: '{path} is a directory where a file was expected. Move it away, or use another lab directory (--dir DIR).',
    tooLong: 'Cannot use {path}: the path is too long or loops through links. Use a shorter lab directory (--dir DIR).',
    tooManyFiles: 'Cannot open {path}: too many files are open on this machine. Close some programs and run the command again.',
    ioError: 'Cannot read or write {path}: the disk reported an input/output error. Check the disk, then run the command again.',
    otherPath: 'Cannot use {path}: {reason}.',
    noPath: 'A file operation failed: {reason}.',
    promptCancelled: 'Interrupted at the question: nothing more was done.',
    unexpectedError: 'Unexpected error: {message}',
    unexpectedErrorHint: 'This is a bug in gluster-lab; the details above help to report it.',
  },
  {
    readOnly: '{path} に書き込めません。ファイルシステムが読み取り専用です。書き込めるディスク上のラボのディレクトリを使ってください（--dir DIR）。',
    noSpace: '{path} に書き込めません。ディスクの空き容量がありません。空きを作ってからもう一度実行してください。書きかけのファイルは残していません。',
    quota: '{path} に書き込めません。ディスクのクォータを使い切っています。空きを作ってからもう一度実行してください。書きかけのファイルは残していません。',
    denied: '{path} へのアクセスが拒否されました。所有者とモードを確認するか（ls -ld）、自分が所有するラボのディレクトリを使ってください（--dir DIR）。',
    notDir: '{path} を使えません。パスの途中がディレクトリではなくファイルです。別のラボのディレクトリを使ってください（--dir DIR）。',
    missing: '{path} がありません。パスを確認してください。ラボのディレクトリは "gluster-lab init" で作れます。',
    cannotCreate: 'フォルダー {path} を作れません。そこのファイルシステムは新しいフォルダーを許しません（/proc のようなシステムのフォルダーか、消えかけているフォルダーです）。~/gluster-lab など別の場所をラボのディレクトリにしてください。',
    isDir: '{path} はディレクトリですが、ファイルが必要です。別の場所へ移すか、別のラボのディレクトリを使ってください（--dir DIR）。',
    tooLong: '{path} を使えません。パスが長すぎるか、リンクが循環しています。短いラボのディレクトリを使ってください（--dir DIR）。',
    tooManyFiles: '{path} を開けません。このマシンで開いているファイルが多すぎます。ほかのプログラムを閉じてからもう一度実行してください。',
    ioError: '{path} を読み書きできません。ディスクが入出力エラーを返しました。ディスクを確認してからもう一度実行してください。',
    otherPath: '{path} を使えません: {reason}。',
    noPath: 'ファイル操作に失敗しました: {reason}。',
    promptCancelled: '質問の途中で中断しました。これ以上は何もしていません。',
    unexpectedError: '予期しないエラー: {message}',
    unexpectedErrorHint: 'gluster-lab の不具合です。上の詳細を添えて報告してください。',
  },
);
