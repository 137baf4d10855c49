/** The languages whose header names are recognised. */
export const HEADER_LANGUAGES = ['en', 'fr', 'es'] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];
