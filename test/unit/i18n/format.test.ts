import { describe, expect, it } from 'vitest';
import { format } from '../../../src/i18n/define.js';

describe('filling a message', () => {
  it('does not double a full stop a value already ends with', () => {
    expect(format('vagrant halt failed: {reason}. The full log is {path}.', { reason: 'could not be found on the operating system.', path: '/x.log' })).toBe(
      'vagrant halt failed: could not be found on the operating system. The full log is /x.log.',
    );
    expect(format('失敗しました: {reason}。ログ', { reason: '見つかりません。' })).toBe('失敗しました: 見つかりません。ログ');
    expect(format('{a}. {b}', { a: 'ok', b: 'x' })).toBe('ok. x');
    expect(format('{missing}.', {})).toBe('{missing}.');
  });
});
