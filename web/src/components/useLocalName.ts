import { useI18n } from '../i18n';

/** Configured names come in Chinese and (optionally) English: show the one for the UI language. */
export function useLocalName() {
  const { lang } = useI18n();
  return (item: { name: string; nameEn?: string }) => (lang === 'en' && item.nameEn ? item.nameEn : item.name);
}
