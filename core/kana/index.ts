/**
 * Half-width katakana as Japanese banks send payer names (全銀 character set): ｶ)ﾀﾅｶﾃﾞﾝｷ. Upper-case letters,
 * digits, spaces and ( ) . , - / are allowed too.
 */
export const HALF_WIDTH_KANA = /^[\uFF66-\uFF9F0-9A-Z ().,\-/]+$/;
