/** The words of the clean-ups: the audit log and the document archive page with the lists' one Pager. */
export const cleanupsJa = {
  'audit.pages': '監査ログのページ',
  'archive.pages': '書類のページ',
};

export const cleanupsEn: Record<keyof typeof cleanupsJa, string> = {
  'audit.pages': 'Pages of the audit log',
  'archive.pages': 'Pages of documents',
};
