import { memberNumber as memberNumberSchema } from '../../../core/api/schemas/common';
import { useMayCall } from '../../session/useMayCall';
import { useDraft } from '../../hooks/useDraft';
import { useI18n } from '../../i18n/i18n';
import { IssuePrepaidId } from './IssuePrepaidId';
import { LateIssuances } from './LateIssuances';
import { MemberPrepaid } from './MemberPrepaid';
import { RegisterPrepaidId } from './RegisterPrepaidId';

/** Prepaid IDs: issue (code shown once), register, a member's IDs with balances, expiry and alerts, what is late. */
export function PrepaidScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const [lookup, update] = useDraft('prepaid.lookup', { memberNumber: '' });
  const member = lookup.memberNumber.trim();
  const valid = memberNumberSchema.safeParse(member).success;
  return (
    <section aria-labelledby="prepaid-title">
      <div className="screen-head">
        <h1 id="prepaid-title">{t('prepaid.title')}</h1>
      </div>
      <div className="columns">
        {mayCall('prepaid.issueId') ? <IssuePrepaidId /> : null}
        {mayCall('prepaid.register') ? <RegisterPrepaidId /> : null}
      </div>
      {mayCall('prepaid.lateIssuances') ? <LateIssuances /> : null}
      {mayCall('prepaid.list') ? (
        <div className="panel">
          <label className="search-bar">
            {t('prepaid.lookup')}{' '}
            <input
              className="mono"
              value={lookup.memberNumber}
              placeholder="M-000001"
              aria-invalid={member !== '' && !valid}
              onChange={(e) => update({ memberNumber: e.target.value })}
            />
          </label>
          {member !== '' && !valid ? <p className="field__error">{t('prepaid.lookupInvalid')}</p> : null}
        </div>
      ) : null}
      {valid ? <MemberPrepaid memberNumber={member} /> : null}
    </section>
  );
}
