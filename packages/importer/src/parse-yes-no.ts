import { normalizeHeader } from './normalize-header';
import { accepted, invalid, type Parsed } from './parsed';

const YES = new Set(['yes', 'y', 'oui', 'o', 'si', 's', 'true', 'vrai', 'verdadero', '1', 'x']);
const NO = new Set(['no', 'n', 'non', 'false', 'faux', 'falso', '0']);

/** Reads Yes/No, Oui/Non, Sí/No, true/false or 1/0, in any case and with or without accents. */
export function parseYesNo(text: string): Parsed<boolean> {
  const word = normalizeHeader(text);
  if (YES.has(word)) return accepted(true);
  if (NO.has(word)) return accepted(false);
  return invalid(`'${text}' is not a yes/no value; use Yes/No, Oui/Non, Sí/No, true/false or 1/0`);
}
