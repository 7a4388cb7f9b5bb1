import { useState } from 'react';
import { alertThresholdInput } from '../../../core/api/schemas/prepaid';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { Refusal } from '../../components/Refusal';
import { formatJstDate, formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { list, obj, str } from '../common/read';
import { useOperation, type Failure } from '../common/useOperation';
import { Yen } from '../common/Yen';

const idsIn = (output: unknown) =>
  list(output).map((v) => ({
    codeHint: str(v, 'codeHint'),
    status: str(v, 'status'),
    amount: str(v, 'amount'),
    balance: str(v, 'balance'),
    forfeited: str(v, 'forfeited'),
    account: str(v, 'cloudAccountCode'),
    issuedAt: str(v, 'issuedAt'),
    registrationDeadline: str(v, 'registrationDeadline'),
    expiresAt: str(v, 'expiresAt'),
  }));

/**
 * A member's prepaid IDs (R-PRE-5, R-PRE-6: deadlines and expiry; R-PRE-8: the one expiring first is used first)
 * and, per registered account, the balance as of the last daily update (R-PRE-12) with its alert threshold (R-PRE-13).
 */
export function MemberPrepaid({ memberNumber, refresh = 0 }: { memberNumber: string; refresh?: number }) {
  const { t } = useI18n();
  const ids = useOperation('prepaid.list', { memberNumber }, idsIn, { refresh });
  const accounts = [...new Set((ids.data ?? []).map((i) => i.account).filter(Boolean))];
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
                <td className="mono">{i.account || t('common.none')}</td>
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
        <AccountBalance key={code} code={code} refresh={refresh} />
      ))}
    </section>
  );
}

function AccountBalance({ code, refresh }: { code: string; refresh: number }) {
  const { t } = useI18n();
  const { call } = useSession();
  const mayAlert = useMayCall()('prepaid.setAlertThreshold');
  const balance = useOperation('prepaid.balance', { cloudAccountCode: code }, (o) => obj(o), { refresh });
  const [threshold, setThreshold] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const valid = alertThresholdInput.safeParse({ cloudAccountCode: code, threshold }).success;
  const b = balance.data;

  async function save() {
    const result = await call('prepaid.setAlertThreshold', { cloudAccountCode: code, threshold });
    setFailure(result.ok ? null : result);
    if (result.ok) balance.reload();
  }

  return (
    <div className="account-balance" data-account={code}>
      <h3 className="mono">{code}</h3>
      {balance.failure ? <Refusal operation="prepaid.balance" failure={balance.failure} /> : null}
      {b ? (
        <dl className="details">
          <dt>{t('prepaid.balanceAsOf')}</dt>
          <dd>{str(b, 'asOf') ? formatJstDate(str(b, 'asOf')) : t('prepaid.notUpdatedYet')}</dd>
          <dt>{t('prepaid.col.balance')}</dt>
          <dd>
            <Yen value={str(b, 'balance') || null} />
          </dd>
          <dt>{t('prepaid.monthToDate')}</dt>
          <dd>
            <Yen value={str(b, 'monthToDate') || null} />
          </dd>
          <dt>{t('prepaid.nextExpiry')}</dt>
          <dd>{str(b, 'nextExpiresAt') ? formatJstDateTime(str(b, 'nextExpiresAt')) : t('common.none')}</dd>
          <dt>{t('prepaid.alertThreshold')}</dt>
          <dd>
            <Yen value={str(b, 'alertThreshold') || null} />
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
