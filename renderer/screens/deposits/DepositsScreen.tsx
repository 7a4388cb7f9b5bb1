import { useState } from 'react';
import { useMayCall } from '../../session/useMayCall';
import { useI18n } from '../../i18n/i18n';
import { BankImport } from './BankImport';
import { ConfirmDepositForm } from './ConfirmDepositForm';
import { HeldDeposits } from './HeldDeposits';
import { ReviewQueue } from './ReviewQueue';

/** Deposits: typed-in confirmation, held deposits and their decision, bank file import, the review queue. */
export function DepositsScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  // Any change here may change the other lists: they reload together.
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  return (
    <section aria-labelledby="deposits-title">
      <div className="screen-head">
        <h1 id="deposits-title">{t('deposits.title')}</h1>
      </div>
      <div className="columns">
        {mayCall('deposits.confirm') ? <ConfirmDepositForm onDone={changed} /> : null}
        {mayCall('bank.import') ? <BankImport onImported={changed} /> : null}
      </div>
      {mayCall('bank.reviewQueue') ? <ReviewQueue round={round} onDecided={changed} /> : null}
      {mayCall('deposits.held') ? <HeldDeposits round={round} /> : null}
    </section>
  );
}
