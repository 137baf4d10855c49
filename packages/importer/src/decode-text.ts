/** The encodings `decodeText` recognises. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Decodes a file's bytes as UTF-8, dropping a byte-order mark. Bytes that are not valid UTF-8
 * are read as Windows-1252, the encoding of older Western European ERP exports.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
