import { useState } from 'react';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { useMayCall } from '../../session/useMayCall';
import { CloseCloudAccount } from './CloseCloudAccount';
import { KindLabel } from './KindLabel';
import { AddCloudAccount } from './AddCloudAccount';
import { MemberEditForm } from './MemberEditForm';
import { MemberExtras } from './MemberExtras';
import './member-page.css';

/** `#/members/M-000123`: the member and the member's cloud accounts (R-PARTY-2). */
export function MemberPage({ memberNumber }: { memberNumber: string }) {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const { data: member, failure } = useRead('members.get', { memberNumber });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const accounts = member?.cloudAccounts ?? [];

  return (
    <section aria-labelledby="member-title">
      <p className="back-link">
        <a href={routeHref('members')}>← {t('members.back')}</a>
      </p>
      {failure ? <Refusal operation="members.get" failure={failure} /> : null}
      {member ? (
        <>
          <div className="screen-head">
            <h1 id="member-title">{member.name}</h1>
            <span className="mono muted">{member.memberNumber}</span>
          </div>
          {saved ? (
            <p className="notice" role="status">
              {t('memberEdit.saved')}
            </p>
          ) : null}
          {editing ? (
            <MemberEditForm
              member={member}
              onDone={(done) => {
                setEditing(false);
                setSaved(done);
              }}
            />
          ) : (
            <div className="panel">
              <div className="panel-head">
                <h2>{t('members.details')}</h2>
                {mayCall('members.update') ? (
                  <button type="button" onClick={() => (setEditing(true), setSaved(false))}>
                    {t('memberEdit.open')}
                  </button>
                ) : null}
              </div>
              <dl className="details">
                <dt>{t('members.col.kana')}</dt>
                <dd>{member.nameKana || t('common.none')}</dd>
                <dt>{t('members.col.kind')}</dt>
                <dd>
                  <KindLabel kind={member.kind} />
                </dd>
                <dt>{t('members.col.email')}</dt>
                <dd>{member.email || t('common.none')}</dd>
                <dt>{t('memberForm.address')}</dt>
                <dd>{member.address || t('common.none')}</dd>
                <dt>{t('members.createdAt')}</dt>
                <dd>{member.createdAt ? formatJstDate(member.createdAt) : t('common.none')}</dd>
              </dl>
            </div>
          )}
          <div className="panel">
            <h2>{t('members.accounts')}</h2>
            {accounts.length === 0 ? (
              <p className="muted">{t('members.noAccounts')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('members.account.code')}</th>
                    <th>{t('members.account.label')}</th>
                    <th>{t('members.account.status')}</th>
                    <th>{t('members.account.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.map((a) => (
                    <tr key={a.code}>
                      <td className="mono">{a.code}</td>
                      <td>{a.label}</td>
                      <td>{labelOf(t, 'accountStatus', a.status)}</td>
                      <td>{formatJstDate(a.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {mayCall('cloudAccounts.create') ? <AddCloudAccount memberNumber={member.memberNumber} /> : null}
          </div>
          <MemberExtras memberNumber={member.memberNumber} accounts={accounts.map((a) => a.code)} />
          {mayCall('cloudAccounts.close') && accounts.length > 0 ? <CloseCloudAccount accounts={accounts} /> : null}
        </>
      ) : null}
    </section>
  );
}
