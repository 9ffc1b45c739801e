import { defineMessages } from './define.js';

/** A claim size too small to be meant (under 1Mi): the size meant, in the user's language. */
export const claimSizeMessages = defineMessages(
  {
    sizeTooSmall: 'The size "{value}" is {bytes} bytes, less than the smallest claim (1Mi); a number without a unit counts bytes. Did you mean {suggestion}?',
  },
  {
    sizeTooSmall: 'サイズ "{value}" は {bytes} バイトで、最小の 1Mi に足りません（単位のない数値はバイト数です）。{suggestion} のことですか？',
  },
);
