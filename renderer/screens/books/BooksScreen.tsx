import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { ArchiveSearch } from './ArchiveSearch';
import { JournalExport } from './JournalExport';
import { Reports } from './Reports';
import './books.css';

const TABS = ['archive', 'journal', 'reports'] as const;
type Tab = (typeof TABS)[number];

/** The books outside the app (issue 15): the archive of issued documents, the journal export, the reports. */
export function BooksScreen({ sub }: { sub: string | undefined }) {
  const { t } = useI18n();
  const tab: Tab = TABS.find((x) => x === sub) ?? 'archive';
  return (
    <section aria-labelledby="books-title">
      <div className="screen-head">
        <h1 id="books-title">{t('books.title')}</h1>
      </div>
      <nav className="books-tabs" aria-label={t('books.title')}>
        {TABS.map((x) => (
          <a key={x} href={routeHref('books', x)} aria-current={x === tab ? 'page' : undefined}>
            {t(`books.tab.${x}` as const)}
          </a>
        ))}
      </nav>
      {tab === 'archive' ? <ArchiveSearch /> : tab === 'journal' ? <JournalExport /> : <Reports />}
    </section>
  );
}
