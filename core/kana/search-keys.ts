/** Legal-form words a person does not type when looking a company up. */
const LEGAL_FORMS = /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|\(有\)/g;

/** 株式会社田中電機 → 田中電機: NFKC, legal form and spaces removed, lower case. */
export function nameSearchKey(name: string): string {
  return name.normalize('NFKC').replace(LEGAL_FORMS, '').replace(/\s+/g, '').toLowerCase();
}

/** Upper bound for a prefix range: every string starting with `prefix` sorts in [prefix, prefixUpperBound). */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}
