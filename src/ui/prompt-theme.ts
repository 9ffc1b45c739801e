import { translator, type Lang } from '../i18n/define.js';
import { promptMessages } from '../i18n/prompt-messages.js';

type KeyHint = [key: string, action: string];

/** Options to spread into @inquirer/prompts calls so their own words follow `--lang`. */
export interface PromptTheme {
  /** For `confirm({ ...theme.confirm, message })`: the answer line says はい / いいえ. */
  confirm: { transformer: (answer: boolean) => string };
  /** For `select`, `checkbox` and `search` (`{ message, choices, theme: theme.list }`): the key hints. */
  list: { style: { keysHelpTip: (keys: KeyHint[]) => string } };
}

// Same look as @inquirer's default hint line: key bold, action dim, " • " between.
const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;

const actionKeys = { navigate: 'navigate', select: 'select', submit: 'submit', all: 'all', invert: 'invert' } as const;

/**
 * The prompt words for one language. @inquirer v7 lets a caller replace the confirm answer
 * (`transformer`) and the hint line (`theme.style.keysHelpTip`); the "y/N" after a
 * question stays, because those are the letters to type.
 */
export function promptTheme(lang: Lang): PromptTheme {
  const t = translator(promptMessages, lang);
  const action = (word: string) => (Object.hasOwn(actionKeys, word) ? t(actionKeys[word as keyof typeof actionKeys]) : word);
  const key = (name: string) => (name === 'space' ? t('keySpace') : name);
  return {
    confirm: { transformer: (answer) => (answer ? t('yes') : t('no')) },
    list: {
      style: {
        keysHelpTip: (keys) => keys.map(([k, a]) => `${bold(key(k))} ${dim(action(a))}`).join(dim(' • ')),
      },
    },
  };
}
