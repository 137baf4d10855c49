import { normalizeHeader } from './normalize-header';
import { accepted, invalid, type Parsed } from './parsed';

/** Language names an ERP may write instead of a tag, in English, French and Spanish. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  anglais: 'en',
  ingles: 'en',
  french: 'fr',
  francais: 'fr',
  frances: 'fr',
  spanish: 'es',
  espagnol: 'es',
  espanol: 'es',
  castellano: 'es',
  german: 'de',
  allemand: 'de',
  aleman: 'de',
  deutsch: 'de',
  italian: 'it',
  italien: 'it',
  italiano: 'it',
  portuguese: 'pt',
  portugais: 'pt',
  portugues: 'pt',
  dutch: 'nl',
  neerlandais: 'nl',
  neerlandes: 'nl',
};

/** Reads a BCP 47 language tag (`fr`, `fr-BE`) or a language name, as a canonical tag. */
export function parseLanguageTag(text: string): Parsed<string> {
  const named = LANGUAGE_NAMES[normalizeHeader(text)];
  if (named !== undefined) return accepted(named);
  try {
    const [tag] = Intl.getCanonicalLocales(text.replace('_', '-'));
    if (tag !== undefined) return accepted(tag);
  } catch {
    // Intl raises a RangeError for a malformed tag, reported below.
  }
  return invalid(`'${text}' is not a language tag; use a BCP 47 tag such as fr, en or es-ES`);
}
