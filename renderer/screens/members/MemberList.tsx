import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { navigate } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { KindLabel } from './KindLabel';
import type { MemberSearch } from './useMemberSearch';

const ROW_HEIGHT = 36;

/** Only the rows in view are in the DOM, and only their pages are fetched: 100,000 members scroll as lightly as ten. */
export function MemberList({ search, total }: { search: MemberSearch; total: number }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change as it measures; this component is not compiled by the React compiler,
  // so it re-renders with them as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRows } = search;
  useEffect(() => ensureRows(first, last), [ensureRows, first, last]);

  /** Arrow keys move between rows, scrolling the list so the focused row is always in the DOM. */
  function moveFocus(to: number) {
    if (to < 0 || to >= total) return;
    virtualizer.scrollToIndex(to, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus());
  }

  return (
    <div className="member-list" role="table" aria-label={t('members.title')} aria-rowcount={total + 1}>
      <div className="member-list__row member-list__head" role="row">
        <span role="columnheader">{t('members.col.number')}</span>
        <span role="columnheader">{t('members.col.name')}</span>
        <span role="columnheader">{t('members.col.kana')}</span>
        <span role="columnheader">{t('members.col.kind')}</span>
        <span role="columnheader">{t('members.col.email')}</span>
      </div>
      <div className="member-list__scroller" ref={scroller} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const member = search.rowAt(item.index);
            const open = () => member && navigate('members', member.memberNumber);
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={0}
                className="member-list__row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={open}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open();
                  else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    moveFocus(item.index + (e.key === 'ArrowDown' ? 1 : -1));
                  }
                }}
              >
                {member ? (
                  <>
                    <span role="cell" className="mono">
                      {member.memberNumber}
                    </span>
                    <span role="cell">{member.name}</span>
                    <span role="cell">{member.nameKana}</span>
                    <span role="cell">
                      <KindLabel kind={member.kind} />
                    </span>
                    <span role="cell" className="muted">
                      {member.email}
                    </span>
                  </>
                ) : (
                  <span role="cell" className="muted">
                    …
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
