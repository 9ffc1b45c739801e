import { defineMessages } from './define.js';

/**
 * Words @inquirer/prompts prints itself: the answer of a yes/no question and the key hints
 * under a list. The action keys are the English words @inquirer passes to keysHelpTip.
 */
export const promptMessages = defineMessages(
  {
    yes: 'Yes',
    no: 'No',
    navigate: 'navigate',
    select: 'select',
    submit: 'submit',
    all: 'all',
    invert: 'invert',
    keySpace: 'space',
  },
  {
    yes: 'はい',
    no: 'いいえ',
    navigate: '移動',
    select: '選択',
    submit: '確定',
    all: 'すべて',
    invert: '反転',
    keySpace: 'Space',
  },
);
