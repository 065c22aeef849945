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

/**
 * A template cut at its placeholders, once: `[text, name, text, …, text]`. A replace with a
 * callback per message cost more than the rest of making the finding.
 */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

export function renderMessage(templates: Record<string, Text>, message: Message, locale: Locale): string {
  const template = templates[message.id];
  if (!template) return message.id;
  const parts = partsOf(locale === 'en' ? template.en || template.zh : template.zh);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const arg = message.args?.[parts[i]];
    out += (arg === undefined ? `{${parts[i]}}` : renderArg(arg, locale)) + parts[i + 1];
  }
  // An English sentence may open with an argument written for mid-sentence use.
  return locale === 'en' ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

export function normaliseLocale(locale: string | undefined): Locale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}
