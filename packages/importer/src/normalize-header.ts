/**
 * Reduces a header to lower-case ASCII letters and digits, so that `N° Facture`, `n_facture`
 * and `NFacture` compare equal. NFKD splits accents off their letters and turns `º` into `o`.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
