import { randomInt } from 'node:crypto';

/**
 * Prepaid ID codes: 15 random characters and one check character, read as four groups of four
 * (PP7K-2Q9D-XM4T-8HRC). The alphabet has no look-alikes: no 0/O, no 1/I/L. It has 31 characters, a prime,
 * so the check is a Damm-style scheme over the field Z/31: the quasigroup x∗y = 2x + y (mod 31) is totally
 * anti-symmetric ((c∗x)∗y = (c∗y)∗x only if x = y), which catches every single wrong character and every swap
 * of two neighbours, the check character included.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length;
export const CODE_LENGTH = 16;
const GROUP = 4;

function valueOf(ch: string): number {
  return CODE_ALPHABET.indexOf(ch);
}

/** The running interim of the scheme over a sequence of alphabet characters (all known to be in the alphabet). */
function interim(chars: string): number {
  let acc = 0;
  for (const ch of chars) acc = (2 * acc + valueOf(ch)) % BASE;
  return acc;
}

/** The check character that makes the interim of body + check zero. */
export function checkCharacter(body: string): string {
  if (![...body].every((ch) => valueOf(ch) >= 0))
    throw new RangeError('checkCharacter: characters outside the alphabet');
  return CODE_ALPHABET[(BASE - ((2 * interim(body)) % BASE)) % BASE]!;
}

/** Upper-cases and drops spaces and hyphens: what a person types becomes the 16 characters. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** True when a normalized code has the right length, alphabet and check character. */
export function hasValidCheck(code: string): boolean {
  if (code.length !== CODE_LENGTH || ![...code].every((ch) => valueOf(ch) >= 0)) return false;
  return interim(code) === 0;
}

/** PP7KQ29DXM4T8HRC → PP7K-Q29D-XM4T-8HRC */
export function formatCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}

/** A new code from the operating system's CSPRNG (randomInt draws without modulo bias), check character last. */
export function generateCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < CODE_LENGTH - 1; i++) body += CODE_ALPHABET[random(BASE)]!;
  return body + checkCharacter(body);
}
