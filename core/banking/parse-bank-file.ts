import { InputError } from '../errors';
import type { ParsedBankFile } from './deposit';
import { parseCsvStatement } from './csv-statement';
import { decodeSjisText } from './text-decode';
import { looksLikeZengin, parseZengin } from './zengin';

/**
 * Reads any bank file this product knows, the format told from the bytes: a Zengin 01/03 header record, or
 * else a CSV statement in UTF-8 (with or without BOM) or Shift_JIS, its layout told by its header row.
 * Throws InputError (naming the record or line and the field) and nothing else for bad bytes.
 */
export function parseBankFile(bytes: Uint8Array): ParsedBankFile {
  if (bytes.length === 0) throw InputError.one('file', 'bank_file.empty', 'empty');
  if (looksLikeZengin(bytes)) return parseZengin(bytes);
  return parseCsvStatement(decodeCsvText(bytes));
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function decodeCsvText(bytes: Uint8Array): string {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    if (hasBom)
      throw InputError.one('file', 'bank_file.encoding', 'a UTF-8 byte-order mark but invalid UTF-8 after it');
  }
  const text = decodeSjisText(body);
  if (text === null) throw InputError.one('file', 'bank_file.encoding', 'neither UTF-8 nor Shift_JIS text');
  return text;
}
