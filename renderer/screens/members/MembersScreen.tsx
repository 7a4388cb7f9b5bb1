import { useEffect, useState } from 'react';
import { Refusal } from '../../components/Refusal';
import { useDebounced } from '../../hooks/useDebounced';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { useMayCall } from '../../session/useMayCall';
import { MemberCreateForm } from './MemberCreateForm';
import { MemberList } from './MemberList';
import { MemberPage } from './MemberPage';
import { useMemberSearch } from './useMemberSearch';

const SEARCH_KEY = 'backoffice.members.query';

/** `#/members`, `#/members/new`, `#/members/<id>`. */
export function MembersScreen({ sub }: { sub: string | undefined }) {
  if (sub === 'new') return <MemberCreateForm />;
  if (sub) return <MemberPage memberNumber={sub} />;
  return <MemberSearch />;
}

function MemberSearch() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const [query, setQuery] = useState(() => sessionStorage.getItem(SEARCH_KEY) ?? '');
  // Typing stays instant; the search runs once the text has settled.
  const settled = useDebounced(query.trim(), 250);
  const search = useMemberSearch(settled);
  const searching = search.total === null || settled !== query.trim();

  useEffect(() => sessionStorage.setItem(SEARCH_KEY, query), [query]);

  return (
    <section aria-labelledby="members-title" className="members">
      <div className="screen-head">
        <h1 id="members-title">{t('members.title')}</h1>
        {mayCall('members.create') ? (
          <a className="button primary" href={routeHref('members', 'new')}>
            {t('members.new')}
          </a>
        ) : null}
      </div>
      <div className="search-bar">
        <input
          type="search"
          aria-label={t('members.search')}
          placeholder={t('members.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Down from the search box goes to the first result; Enter there opens it.
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('.member-list__scroller [data-index="0"]')?.focus();
            }
          }}
          autoFocus
        />
        <span className="muted" role="status" aria-live="polite">
          {searching
            ? t('members.searching')
            : t('members.count', { count: (search.total ?? 0).toLocaleString('ja-JP') })}
        </span>
      </div>
      {search.failure ? <Refusal operation="members.search" failure={search.failure} /> : null}
      {search.total === 0 && !search.failure && !searching ? <p className="muted">{t('members.none')}</p> : null}
      {search.total ? <MemberList search={search} total={search.total} /> : null}
    </section>
  );
}
