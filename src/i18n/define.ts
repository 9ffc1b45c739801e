/** The two languages every user-facing sentence exists in. */
export type Lang = 'en' | 'ja';

type Params = Record<string, string | number>;

/** A pair of catalogues whose Japanese side must have exactly the English keys. */
export interface MessageSet<K extends string> {
  en: Record<K, string>;
  ja: Record<K, string>;
}

/**
 * Declares one area's messages. The `ja` argument is typed from the `en` keys, so a
 * missing or extra translation is a compile error.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  ja: { [K in keyof E]: string },
): MessageSet<Extract<keyof E, string>> {
  return { en, ja };
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

// A value that already ends a sentence ("... the operating system.") swallows the
// template's own full stop after it, so no "system.. The" or "。。" reaches the screen.
const SENTENCE_END = /[.!?。！？]$/;
const TEMPLATE_STOP = /^[.。]/;

/**
 * Fills `{name}` placeholders; an unknown placeholder is left visible rather than dropped.
 * A value ending in sentence punctuation is not followed by the template's full stop.
 */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}([.。]?)/g, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    return TEMPLATE_STOP.test(stop) && SENTENCE_END.test(value.trimEnd()) ? value : value + stop;
  });
}

export function translator<K extends string>(set: MessageSet<K>, lang: Lang): Translate<K> {
  const table = set[lang];
  return (key, params) => format(table[key], params);
}
