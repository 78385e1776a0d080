import japaneseMessages from '@bicstone/ra-language-japanese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { ja } from './ja';

// The Japanese package is CommonJS with an ES-module default; take the messages either way the bundler hands them over.
const raJapanese = ((japaneseMessages as { default?: TranslationMessages }).default ?? japaneseMessages) as TranslationMessages;

const messages: Record<string, TranslationMessages> = {
  ja: mergeTranslations(raJapanese, ja),
  en: mergeTranslations(englishMessages, en),
};

/** Japanese unless the browser asks for English; the app bar switches between them. */
const initialLocale = resolveBrowserLocale('ja') === 'en' ? 'en' : 'ja';

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.ja!, initialLocale, [
  { locale: 'ja', name: '日本語' },
  { locale: 'en', name: 'English' },
]);

/** Choices for an enum of the contract, labelled by mamori.enums.<Enum>.<VALUE> in the current language. */
export const enumChoices = (enumName: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `mamori.enums.${enumName}.${id}` }));
