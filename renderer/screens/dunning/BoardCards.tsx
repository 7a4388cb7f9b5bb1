import { useMemo, useState } from 'react';
import type { Output } from '../../api/client';
import { Pager, pageOf } from '../../components/Pager';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { typedSearch } from '../common/typed-search';
import { AccountTimeline } from './AccountTimeline';

type BoardAccount = Output<'dunning.board'>['accounts'][number];
type Stage = BoardAccount['status'];

/** The stages in the order a clerk works them; lifted accounts (back to active) last. */
export const STAGES: Stage[] = ['restricted', 'suspended', 'terminated', 'active'];
const PAGE_SIZE = 40;

/**
 * The board at real size (hundreds of accounts): one stage at a time, chosen with its count, searched by
 * account, member number, member or account name, or kana as typed, in pages of cards.
 */
export function BoardCards({ accounts }: { accounts: BoardAccount[] }) {
  const { t } = useI18n();
  const counts = useMemo(() => {
    const by = new Map<Stage, number>();
    for (const a of accounts) by.set(a.status, (by.get(a.status) ?? 0) + 1);
    return by;
  }, [accounts]);
  const [stage, setStage] = useState<Stage>(() => STAGES.find((s) => counts.get(s)) ?? 'restricted');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const matching = useMemo(() => {
    const found = typedSearch(search);
    return accounts.filter(
      (a) =>
        a.status === stage &&
        found({ codes: [a.cloudAccountCode, a.memberNumber], names: [a.memberName, a.label], kana: [a.memberKana] }),
    );
  }, [accounts, stage, search]);
  const shown = pageOf(matching, page, PAGE_SIZE);

  return (
    <section className="board-cards" aria-label={t('dunning.cards')}>
      <div className="search-bar" role="search">
        <div className="stage-tabs" role="radiogroup" aria-label={t('dunning.stage')}>
          {STAGES.map((s) => (
            <label key={s} className={s === stage ? 'stage-tab stage-tab--on' : 'stage-tab'} data-status={s}>
              <input
                type="radio"
                name="dunning-stage"
                value={s}
                checked={s === stage}
                onChange={() => (setStage(s), setPage(1))}
              />
              {labelOf(t, 'accountStatus', s)}{' '}
              <span className="muted">({(counts.get(s) ?? 0).toLocaleString('ja-JP')})</span>
            </label>
          ))}
        </div>
        <input
          type="search"
          aria-label={t('dunning.search')}
          placeholder={t('dunning.searchHint')}
          value={search}
          onChange={(e) => (setSearch(e.target.value), setPage(1))}
        />
        <span className="muted" role="status">
          {t('list.matching', { count: matching.length.toLocaleString('ja-JP') })}
        </span>
      </div>
      {matching.length === 0 ? <p className="muted">{search ? t('dunning.noMatches') : t('dunning.empty')}</p> : null}
      <div className="board-cards__grid" data-status={stage}>
        {shown.rows.map((a) => (
          <article key={a.cloudAccountCode} className="board__card" data-account={a.cloudAccountCode}>
            <h3>
              <span className="mono">{a.cloudAccountCode}</span> {a.label}
            </h3>
            <p className="small">
              <a href={routeHref('members', a.memberNumber)}>{a.memberName}</a>{' '}
              <span className="mono muted">{a.memberNumber}</span>
            </p>
            <AccountTimeline account={a} />
          </article>
        ))}
      </div>
      <Pager
        page={shown.page}
        pageSize={PAGE_SIZE}
        total={matching.length}
        onPage={setPage}
        label={t('dunning.pages')}
      />
    </section>
  );
}
