import { useState } from 'react';
import { dailyInput } from '../../../core/api/schemas/payments';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { todayJst } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';
import { DailyRuns } from './DailyRuns';
import { ReleaseQueue } from './ReleaseQueue';
import { BoardCards } from './BoardCards';
import './board.css';

const FIELDS = ['date'] as const;
const inputOf = (d: { date: string }) => (d.date.trim() ? { date: d.date.trim() } : {});

/** Dunning board (R-DUN-1..7): accounts by status, each with its timeline and the commands sent; the daily run. */
export function DunningBoard() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const mayRun = mayCall('dunning.runDaily');
  const mayAge = mayCall('payments.aging');
  const board = useRead('dunning.board', {});
  const form = useSchemaForm('dunning.runDaily', dailyInput, FIELDS, { date: todayJst() }, inputOf, 'dailyForm');
  const [said, setSaid] = useState<string | null>(null);

  const {
    submit: run,
    sending: running,
    failure,
  } = useFormSubmit(form, 'dunning.runDaily', (output) => {
    const { date, transitions, commands } = output;
    setSaid(
      transitions.length === 0
        ? t('dunning.ranNothing', { date })
        : t('dunning.ran', { date, changes: transitions.length, commands }),
    );
  });

  return (
    <section aria-labelledby="dunning-title">
      <div className="screen-head">
        <h1 id="dunning-title">{t('dunning.title')}</h1>
        {mayAge ? <a href={routeHref('dunning', 'receivables')}>{t('nav.receivables')}</a> : null}
      </div>
      {mayRun ? (
        <form className="panel form form--inline" onSubmit={run} noValidate aria-labelledby="daily-title">
          <h2 id="daily-title">{t('dunning.dailyTitle')}</h2>
          <DailyRuns />
          <TextField
            form={form}
            field="date"
            label={t('dailyForm.date')}
            type="date"
            hint={t('dunning.dateHint', { today: todayJst() })}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={running}>
              {running ? t('common.working') : t('dunning.runDaily')}
            </button>
          </div>
          {failure ? <Refusal operation="dunning.runDaily" failure={failure} /> : null}
          <Notice>{said}</Notice>
        </form>
      ) : null}
      <ReleaseQueue />
      {board.failure ? <Refusal operation="dunning.board" failure={board.failure} /> : null}
      {board.data ? <BoardCards accounts={board.data.accounts} /> : null}
    </section>
  );
}
