import { useState } from 'react';
import { alertThresholdInput } from '../../../core/api/schemas/prepaid';
import type { CallFailure } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { formatJstDate, formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { Yen } from '../common/Yen';

/**
 * A member's prepaid IDs (R-PRE-5, R-PRE-6: deadlines and expiry; R-PRE-8: the one expiring first is used first)
 * and, per registered account, the balance as of the last daily update (R-PRE-12) with its alert threshold (R-PRE-13).
 */
export function MemberPrepaid({ memberNumber }: { memberNumber: string }) {
  const { t } = useI18n();
  const ids = useRead('prepaid.list', { memberNumber });
  const accounts = [...new Set((ids.data ?? []).flatMap((i) => (i.cloudAccountCode ? [i.cloudAccountCode] : [])))];
  return (
    <section className="panel" aria-labelledby={`prepaid-of-${memberNumber}`}>
      <h2 id={`prepaid-of-${memberNumber}`}>{t('prepaid.idsOf', { member: memberNumber })}</h2>
      {ids.failure ? <Refusal operation="prepaid.list" failure={ids.failure} /> : null}
      {ids.data && ids.data.length === 0 ? <p className="muted">{t('prepaid.noIds')}</p> : null}
      {ids.data && ids.data.length > 0 ? (
        <table className="table prepaid-ids">
          <thead>
            <tr>
              <th>{t('prepaid.col.code')}</th>
              <th>{t('prepaid.col.status')}</th>
              <th>{t('prepaid.col.account')}</th>
              <th className="num">{t('prepaid.col.amount')}</th>
              <th className="num">{t('prepaid.col.balance')}</th>
              <th>{t('prepaid.col.deadline')}</th>
              <th>{t('prepaid.col.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {ids.data.map((i) => (
              <tr key={`${i.codeHint}-${i.issuedAt}`}>
                <td className="mono">****-{i.codeHint}</td>
                <td>{labelOf(t, 'prepaidStatus', i.status)}</td>
                <td className="mono">{i.cloudAccountCode || t('common.none')}</td>
                <td className="num">
                  <Yen value={i.amount} />
                </td>
                <td className="num">
                  <Yen value={i.balance} />
                </td>
                <td>{i.registrationDeadline ? formatJstDate(i.registrationDeadline) : t('common.none')}</td>
                <td>{i.expiresAt ? formatJstDateTime(i.expiresAt) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {accounts.map((code) => (
        <AccountBalance key={code} code={code} />
      ))}
    </section>
  );
}

function AccountBalance({ code }: { code: string }) {
  const { t } = useI18n();
  const { call } = useSession();
  const mayAlert = useMayCall()('prepaid.setAlertThreshold');
  const balance = useRead('prepaid.balance', { cloudAccountCode: code });
  const [threshold, setThreshold] = useState('');
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const valid = alertThresholdInput.safeParse({ cloudAccountCode: code, threshold }).success;
  const b = balance.data;

  async function save() {
    const result = await call('prepaid.setAlertThreshold', { cloudAccountCode: code, threshold });
    setFailure(result.ok ? null : result);
  }

  return (
    <div className="account-balance" data-account={code}>
      <h3 className="mono">{code}</h3>
      {balance.failure ? <Refusal operation="prepaid.balance" failure={balance.failure} /> : null}
      {b ? (
        <dl className="details">
          <dt>{t('prepaid.balanceAsOf')}</dt>
          <dd>{b.asOf ? formatJstDate(b.asOf) : t('prepaid.notUpdatedYet')}</dd>
          <dt>{t('prepaid.col.balance')}</dt>
          <dd>
            <Yen value={b.balance} />
          </dd>
          <dt>{t('prepaid.monthToDate')}</dt>
          <dd>
            <Yen value={b.monthToDate} />
          </dd>
          <dt>{t('prepaid.nextExpiry')}</dt>
          <dd>{b.nextExpiresAt ? formatJstDateTime(b.nextExpiresAt) : t('common.none')}</dd>
          <dt>{t('prepaid.alertThreshold')}</dt>
          <dd>
            <Yen value={b.alertThreshold} />
          </dd>
        </dl>
      ) : null}
      {mayAlert ? (
        <div className="row-actions">
          <input
            aria-label={t('prepaid.alertThresholdFor', { account: code })}
            inputMode="numeric"
            value={threshold}
            aria-invalid={threshold !== '' && !valid}
            onChange={(e) => setThreshold(e.target.value.trim())}
          />
          <button type="button" disabled={!valid} onClick={() => void save()}>
            {t('prepaid.setAlert')}
          </button>
        </div>
      ) : null}
      {failure ? <Refusal operation="prepaid.setAlertThreshold" failure={failure} /> : null}
    </div>
  );
}
