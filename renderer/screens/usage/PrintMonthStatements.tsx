import { useState } from 'react';
import type { CallFailure, ReceivedFile } from '../../api/client';
import { volumeCount, VOLUME_SIZE } from '../../../core/api/schemas/billing';
import { useSession } from '../../session/session';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { FilePreview } from '../common/FilePreview';
import { printDocument, type PrintRequest } from '../common/print';

/**
 * A closed month's statements printed in one action (billing.monthStatementsPdf): the desktop app opens the OS
 * print dialog at once; a browser previews the combined PDF and opens its print dialog. A month past 1,000
 * statements prints in volumes, one button each.
 */
export function PrintMonthStatements({ month, statements }: { month: string; statements: number }) {
  const { t } = useI18n();
  const { call } = useSession();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [preview, setPreview] = useState<{ file: ReceivedFile; request: PrintRequest } | null>(null);
  const volumes = volumeCount(statements);

  async function print(volume: number) {
    const request: PrintRequest = { operation: 'billing.monthStatementsPdf', input: { month, volume } };
    setBusy(true);
    setSaid(null);
    setFailure(null);
    setPreview(null);
    const started = await printDocument(request, call);
    setBusy(false);
    if (started.kind === 'failed') setFailure(started.failure);
    else if (started.kind === 'dialog') setSaid(started.printed ? t('file.printed') : t('file.printCancelled'));
    else setPreview({ file: started.file, request });
  }

  if (statements === 0) return null;
  return (
    <div className="print-month">
      <div className="actions">
        {Array.from({ length: volumes }, (_, i) => (
          <button key={i} type="button" className="primary" disabled={busy} onClick={() => void print(i + 1)}>
            {volumes === 1
              ? t('usage.printMonth', { month, count: statements })
              : t('usage.printVolume', {
                  month,
                  volume: i + 1,
                  first: i * VOLUME_SIZE + 1,
                  last: Math.min((i + 1) * VOLUME_SIZE, statements),
                })}
          </button>
        ))}
        {busy ? <span className="muted">{t('usage.printing')}</span> : null}
      </div>
      <Notice>{said}</Notice>
      {failure ? <Refusal operation="billing.monthStatementsPdf" failure={failure} /> : null}
      {preview ? (
        <FilePreview file={preview.file} print={preview.request} autoPrint onClose={() => setPreview(null)} />
      ) : null}
    </div>
  );
}
