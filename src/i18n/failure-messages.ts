import { defineMessages } from './define.js';

/** How every command says that an external program failed (diagnosis/explain-failure.ts). */
export const failureMessages = defineMessages(
  {
    toolFailed: '{tool} failed: {reason}',
    toolMissing: '{tool} was not found: it is not installed, or not on PATH.',
    toolTimeout: '{tool} did not finish in time',
    findingTitle: '  → {title}',
    findingExplain: '    {explanation}',
    findingFix: '    Fix: {fix}',
    noFinding: '  No known issue matches this. The tool\'s own lines are above.',
    netRefused: 'connection refused',
    netClosed: 'the connection was closed before an answer came',
    netTimeout: 'no answer in time',
    netNoRoute: 'no route to that address',
    netNoName: 'that host name cannot be resolved',
    netUnknown: 'no answer',
  },
  {
    toolFailed: '{tool} が失敗しました: {reason}',
    toolMissing: '{tool} が見つかりません。インストールされていないか、PATH にありません。',
    toolTimeout: '{tool} が時間内に終わりませんでした',
    findingTitle: '  → {title}',
    findingExplain: '    {explanation}',
    findingFix: '    対処: {fix}',
    noFinding: '  既知の問題には当てはまりません。ツール自身の出力は上にあります。',
    netRefused: '接続を拒否されました',
    netClosed: '応答の前に接続が切れました',
    netTimeout: '時間内に応答がありません',
    netNoRoute: 'そのアドレスへの経路がありません',
    netNoName: 'そのホスト名を解決できません',
    netUnknown: '応答がありません',
  },
);
