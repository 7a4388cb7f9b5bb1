export { canonicalKana, HALF_WIDTH_KANA, isKanaText, kanaKey, stripCorporateAbbreviations } from './kana-key';
