import { defineMessages } from './define.js';

/**
 * What `diagnose` says about the input itself: not text, or read only in part. `{source}` is
 * a name from diagnosis-messages (stdinName, pastedName, fileName), followed directly by the
 * Japanese particle as there.
 */
export const diagnoseInputMessages = defineMessages(
  {
    notText: '{source} is not text (it holds binary data, such as a disk image or a compressed file): nothing was diagnosed. Give the log as text, e.g. `vagrant up 2>&1 | gluster-lab diagnose -`.',
    stoppedSize: 'Note: only the first {limit} of {source} were read (the limit for one log); the rest was not read, so the findings come from that part only.',
    stoppedTime: 'Note: {source} was read for {seconds} s (the limit for one log); the rest was not read, so the findings come from that part only.',
  },
  {
    notText: '{source}はテキストではありません（ディスクイメージや圧縮ファイルなどのバイナリデータです）。診断していません。ログをテキストで渡してください（例: `vagrant up 2>&1 | gluster-lab diagnose -`）。',
    stoppedSize: '注意: {source}は先頭の {limit} だけを読みました（1 つのログの上限）。残りは読んでいないため、結果はその部分だけによるものです。',
    stoppedTime: '注意: {source}は {seconds} 秒間だけ読みました（1 つのログの上限）。残りは読んでいないため、結果はその部分だけによるものです。',
  },
);
