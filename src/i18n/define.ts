/** The two languages every user-facing sentence exists in. */
export type Lang = 'en' | 'ja';

export type Params = Record<string, string | number>;

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

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator<K extends string>(set: MessageSet<K>, lang: Lang): Translate<K> {
  const table = set[lang];
  return (key, params) => format(table[key], params);
}
