import { useMayCall } from '../../session/useMayCall';
import { useI18n } from '../../i18n/i18n';
import { BankImport } from './BankImport';
import { ConfirmDepositForm } from './ConfirmDepositForm';
import { HeldDeposits } from './HeldDeposits';
import { Refunds } from './Refunds';
import { ReviewQueue } from './ReviewQueue';

/** Deposits: typed-in confirmation, held deposits and their decision, bank file import, the review queue. */
export function DepositsScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  return (
    <section aria-labelledby="deposits-title">
      <div className="screen-head">
        <h1 id="deposits-title">{t('deposits.title')}</h1>
      </div>
      <div className="columns">
        {mayCall('deposits.confirm') ? <ConfirmDepositForm /> : null}
        {mayCall('bank.import') ? <BankImport /> : null}
      </div>
      {mayCall('bank.reviewQueue') ? <ReviewQueue /> : null}
      {mayCall('deposits.held') ? <HeldDeposits /> : null}
      {mayCall('bank.refunds') ? <Refunds /> : null}
    </section>
  );
}
