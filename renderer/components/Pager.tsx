import { useI18n } from '../i18n/i18n';

/** Previous / next through a list's pages, with where the person is ("101–200 / 581"). */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="actions pager" aria-label={label}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span className="muted" role="status">
        {t('list.range', {
          from: from.toLocaleString('ja-JP'),
          to: to.toLocaleString('ja-JP'),
          total: total.toLocaleString('ja-JP'),
        })}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** The rows of one page, the page kept within the list (a filter that shortens it goes back to its last page). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): { rows: T[]; page: number } {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const at = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((at - 1) * pageSize, at * pageSize), page: at };
}
