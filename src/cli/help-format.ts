import type { Argument, HelpConfiguration, Option } from 'commander';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator, type Lang } from '../i18n/define.js';
import { displayWidth } from '../text/text-width.js';
import { wrapToColumns } from '../text/line-break.js';

type HelpKey = 'helpUsage' | 'helpArguments' | 'helpOptions' | 'helpGlobalOptions' | 'helpCommands';

// commander passes its fixed English headings through styleTitle, so that is where they
// can be swapped without copying its whole formatHelp.
const headings: Record<string, HelpKey> = {
  'Usage:': 'helpUsage',
  'Arguments:': 'helpArguments',
  'Options:': 'helpOptions',
  'Global Options:': 'helpGlobalOptions',
  'Commands:': 'helpCommands',
};

// Help is plain text, but commander may colour it in a terminal; colour takes no columns.
const stripSgr = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');

// commander's own minWidthToWrap: narrower than this, wrapping helps less than it hurts.
const MIN_WIDTH_TO_WRAP = 40;

/**
 * commander help settings for a language. English keeps commander's own text; Japanese gets
 * translated headings and "(choices/default)" notes, and wraps by terminal columns with
 * breaks between Japanese characters (commander alone breaks only at spaces).
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const base: HelpConfiguration = { showGlobalOptions: true, sortSubcommands: false };
  if (lang === 'en') return base;
  const t = translator(cliMessages, lang);
  const extraInfo = (description: string, item: Option | Argument, showDefault: boolean, envVar?: string) => {
    const notes: string[] = [];
    if (item.argChoices) notes.push(t('helpChoices', { values: item.argChoices.join(t('helpListSeparator')) }));
    if (item.defaultValue !== undefined && showDefault) {
      notes.push(t('helpDefault', { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
    }
    if (envVar !== undefined) notes.push(t('helpEnv', { name: envVar }));
    if (notes.length === 0) return description;
    return `${description}${t('helpExtra', { items: notes.join(t('helpListSeparator')) })}`;
  };
  return {
    ...base,
    styleTitle: (title) => {
      const key = headings[title];
      return key ? t(key) : title;
    },
    // Same rules as commander for when a default is worth showing (not for plain flags).
    optionDescription: (option) =>
      extraInfo(option.description, option, option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'), option.envVar),
    argumentDescription: (argument) => extraInfo(argument.description, argument, true),
    displayWidth: (text) => displayWidth(stripSgr(text)),
    boxWrap: (text, width) => (width < MIN_WIDTH_TO_WRAP ? text : wrapToColumns(text, width)),
  };
}
