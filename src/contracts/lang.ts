/** Languages of the user interface and of error messages. Vietnamese is the default everywhere. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

/** Picks the caller's language from an explicit choice or an Accept-Language header. */
export function pickLang(explicit?: string | null, acceptLanguage?: string | null): Lang {
  if (explicit === 'vi' || explicit === 'en') return explicit;
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'vi' || tag === 'en') return tag;
    }
  }
  return DEFAULT_LANG;
}
