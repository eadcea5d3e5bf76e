/**
 * Vietnamese first, English on request. Each screen keeps its own dictionary: `useText(dict)`
 * returns the strings for the current language. The choice is remembered in a cookie that the
 * server also reads, so its error messages follow the same language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../contracts/lang';

export type Dictionary<K extends string> = Record<Lang, Record<K, string>>;

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => undefined });

function initialLang(): Lang {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (fromQuery === 'vi' || fromQuery === 'en') return fromQuery;
  const fromCookie = /(?:^|; )motcua_lang=(vi|en)/.exec(document.cookie)?.[1];
  return fromCookie === 'en' ? 'en' : 'vi';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    document.cookie = `motcua_lang=${next}; path=/; max-age=31536000; samesite=strict`;
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/**
 * A part of the app whose language is decided by its own state instead of the remembered choice (the
 * kiosk: each visit starts in Vietnamese, whatever the previous citizen chose). Nothing is stored.
 */
export function LangScope({ lang, setLang, children }: { lang: Lang; setLang(lang: Lang): void; children: ReactNode }) {
  // On every render, not only when `lang` changes: the app-wide provider above sets the page's
  // language from the remembered choice after this on the first render.
  useEffect(() => {
    document.documentElement.lang = lang;
  });
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useText<K extends string>(dict: Dictionary<K>): Record<K, string> {
  return dict[useLang().lang];
}

/** Fills "{name}" placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in values ? String(values[k]) : `{${k}}`));
}

export function LangSwitch({ className }: { className?: string }) {
  const { lang, setLang } = useLang();
  return (
    <button
      type="button"
      className={className ?? 'lang-switch'}
      onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
      aria-label={lang === 'vi' ? 'Switch to English' : 'Chuyển sang tiếng Việt'}
    >
      {lang === 'vi' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}

/** Minutes, the way a Vietnamese hall board writes them. */
export function formatMinutes(seconds: number | null, lang: Lang): string {
  if (seconds === null) return '—';
  if (seconds < 30) return lang === 'vi' ? 'sắp đến lượt' : 'very soon';
  const minutes = Math.max(1, Math.round(seconds / 60));
  return lang === 'vi' ? `khoảng ${minutes} phút` : `about ${minutes} min`;
}
