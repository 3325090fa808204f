/**
 * The UI language: 简体中文 by default, English on request, kept in
 * localStorage. `useT()` gives a typed `t(key, params)`; the API client reads
 * the current language so server errors come back in it too.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'kefu.lang';
const tables: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let currentLang: Lang = storedLang();

/** The language for API calls made outside React (the fetch wrapper). */
export function getLang(): Lang {
  return currentLang;
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = tables[lang][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const queryClient = useQueryClient();
  const setLang = useCallback(
    (next: Lang) => {
      currentLang = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private windows may refuse storage; the choice then lasts for this page only.
      }
      document.documentElement.lang = next;
      setLangState(next);
      // Some names come from the server in the request's language (type and status labels): fetch them again.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): TFunction {
  return useI18n().t;
}
