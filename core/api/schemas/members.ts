import { z } from 'zod';
import { HALF_WIDTH_KANA } from '../../kana';
import { memberNumber, page, pageSize } from './common';
import { typedKana } from './typed';

/** フリガナ as typed (full-width katakana, hiragana, half-width), stored as the bank writes it (ｶ)ﾀﾅｶﾃﾞﾝｷ). */
const nameKana = z
  .string({ error: 'the name in half-width katakana' })
  .overwrite(typedKana)
  .min(1, 'the name in half-width katakana is required')
  .max(100, 'at most 100 characters')
  .regex(HALF_WIDTH_KANA, 'katakana or hiragana, as the bank writes the name: ｶ)ﾀﾅｶﾃﾞﾝｷ');

const email = z.string({ error: 'an e-mail address' }).trim().toLowerCase().pipe(z.email('not an e-mail address'));

const name = z.string({ error: 'a name' }).trim().min(1, 'a name is required').max(200, 'at most 200 characters');
const address = z.string({ error: 'an address' }).trim().max(300, 'at most 300 characters');

export const memberKind = z.enum(['corporation', 'individual'], { error: 'corporation or individual' });

export const createMemberInput = z.strictObject({
  kind: memberKind,
  name,
  nameKana,
  email,
  address: address.optional(),
});

export const updateMemberInput = z.strictObject({
  memberNumber,
  name: name.optional(),
  nameKana: nameKana.optional(),
  email: email.optional(),
  address: address.nullable().optional(),
});

export const getMemberInput = z.strictObject({ memberNumber });

export const searchMembersInput = z.strictObject({
  /** A member number, an e-mail, the start of the kana name, or the start of the name (legal form ignored). */
  query: z.string({ error: 'search text' }).trim().max(200, 'at most 200 characters').default(''),
  kind: memberKind.optional(),
  page,
  pageSize,
});
