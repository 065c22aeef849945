/**
 * Rendering messages: `{name}` placeholders filled from the arguments, bilingual arguments
 * (labels from the format data) in the requested locale. Chinese is the default; a message
 * or argument missing in English falls back to Chinese rather than to an id.
 */
import type { Locale, Text } from './formats';
import type { Message, MessageArg } from './rules/types';

export function renderArg(arg: MessageArg, locale: Locale): string {
  if (typeof arg === 'object') return locale === 'en' ? arg.en || arg.zh : arg.zh;
  return String(arg);
}

export function renderMessage(templates: Record<string, Text>, message: Message, locale: Locale): string {
  const template = templates[message.id];
  if (!template) return message.id;
  const text = locale === 'en' ? template.en || template.zh : template.zh;
  const out = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const arg = message.args?.[name];
    return arg === undefined ? whole : renderArg(arg, locale);
  });
  // An English sentence may open with an argument written for mid-sentence use.
  return locale === 'en' ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

export function normaliseLocale(locale: string | undefined): Locale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}
