import { useState } from 'react';
import type { CallFailure } from '../../api/client';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';

/**
 * The usage imports (usage.listImports), newest first; an open month's import can be withdrawn
 * (usage.withdrawImport) after a confirmation naming it.
 */
export function UsageImports() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayWithdraw = useMayCall()('usage.withdrawImport');
  const imports = useRead('usage.listImports', {});
  const [asked, setAsked] = useState<{ id: number; month: string; accounts: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);

  async function withdraw() {
    if (!asked) return;
    setBusy(true);
    const result = await call('usage.withdrawImport', { usageImportId: asked.id });
    setBusy(false);
    setAsked(null);
    setFailure(result.ok ? null : result);
    setSaid(result.ok ? t('imports.withdrawn', { id: result.output.usageImportId, month: result.output.month }) : null);
  }

  return (
    <section className="panel" aria-labelledby="usage-imports-title">
      <h2 id="usage-imports-title">{t('imports.title')}</h2>
      {imports.failure ? <Refusal operation="usage.listImports" failure={imports.failure} /> : null}
      {imports.data && imports.data.imports.length === 0 ? <p className="muted">{t('imports.empty')}</p> : null}
      {imports.data && imports.data.imports.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table usage-imports">
            <thead>
              <tr>
                <th>{t('imports.id')}</th>
                <th>{t('imports.month')}</th>
                <th className="num">{t('imports.accounts')}</th>
                <th>{t('imports.importedAt')}</th>
                <th>{t('imports.by')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imports.data.imports.map((i) => (
                <tr key={i.usageImportId} data-import={i.usageImportId}>
                  <td className="mono">{i.usageImportId}</td>
                  <td className="mono">{i.month}</td>
                  <td className="num">{i.accounts}</td>
                  <td>{formatJstDateTime(i.importedAt)}</td>
                  <td>{i.importedBy ?? '—'}</td>
                  <td>
                    {!i.open ? (
                      <span className="tag">{t('imports.closedMonth')}</span>
                    ) : mayWithdraw ? (
                      <button
                        type="button"
                        aria-label={t('imports.withdrawButton', { id: i.usageImportId })}
                        onClick={() => setAsked({ id: i.usageImportId, month: i.month, accounts: i.accounts })}
                      >
                        {t('imports.withdraw')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {asked ? (
        <ConfirmIrreversible
          title={`${t('imports.id')} ${asked.id}`}
          confirmLabel={t('imports.withdrawButton', { id: asked.id })}
          busy={busy}
          onConfirm={() => void withdraw()}
          onCancel={() => setAsked(null)}
        >
          <p>{t('imports.withdrawConfirm', asked)}</p>
        </ConfirmIrreversible>
      ) : null}
      {failure ? <Refusal operation="usage.withdrawImport" failure={failure} /> : null}
      <Notice>{said}</Notice>
    </section>
  );
}
