import { useEffect } from 'react';
import { useLocaleState } from 'react-admin';

/** Keeps <html lang> on the language shown, so screen readers read English pages as English (WCAG 3.1.1). */
export const PageLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};
