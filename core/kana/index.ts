export {
  canonicalKana,
  HALF_WIDTH_KANA,
  halfWidthKana,
  isKanaText,
  kanaKey,
  stripCorporateAbbreviations,
} from './kana-key';
