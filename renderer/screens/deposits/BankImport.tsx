import { useState } from 'react';
import type { CallFailure, Output } from '../../api/client';
import { useSession } from '../../session/session';
import { Progress } from '../../components/Progress';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { FileDropZone } from '../common/FileDropZone';
import { base64Of } from '../common/pdf-file';
import { ImportSummary, type ImportAnswer } from './ImportSummary';

interface Chosen {
  name: string;
  base64: string;
}

/** A dry run or an import: what needs attention. */
const answerOfImport = (o: Output<'bank.import'>): ImportAnswer => ({
  message: o.message,
  summary: o.summary,
  lines: o.attention,
});

/** The import's report: every record, and why one was not matched. */
const answerOfReport = (o: Output<'bank.importReport'>, message: string): ImportAnswer => ({
  message,
  summary: o.summary,
  lines: o.lines.map((l) => ({ ...l, reason: l.detail?.reason ?? null })),
});

/**
 * A bank file (Zengin, CSV) dropped or picked, read in the browser, dry-run first so the person sees what the
 * file holds, then imported; the matching report follows (R-RECON-1..5).
 */
export function BankImport() {
  const { t } = useI18n();
  const { call } = useSession();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<Output<'bank.import'> | null>(null);
  const [report, setReport] = useState<ImportAnswer | null>(null);
  const [failure, setFailure] = useState<{ operation: 'bank.import'; failure: CallFailure } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function take(file: File) {
    setReport(null);
    setPreview(null);
    setFailure(null);
    setBusy(t('bank.reading', { name: file.name }));
    const next = { name: file.name, base64: await base64Of(file) };
    setChosen(next);
    const result = await call('bank.import', { fileName: next.name, contentBase64: next.base64, dryRun: true });
    setBusy(null);
    if (!result.ok) return setFailure({ operation: 'bank.import', failure: result });
    setPreview(result.output);
  }

  async function importChosen() {
    if (!chosen) return;
    setBusy(t('bank.importing', { name: chosen.name }));
    const result = await call('bank.import', { fileName: chosen.name, contentBase64: chosen.base64, dryRun: false });
    if (!result.ok) {
      setBusy(null);
      return setFailure({ operation: 'bank.import', failure: result });
    }
    const imported = result.output;
    const full =
      imported.importId === null
        ? null
        : await call('bank.importReport', { importId: imported.importId, pageSize: 200 });
    setBusy(null);
    setPreview(null);
    setReport(full?.ok ? answerOfReport(full.output, imported.message) : answerOfImport(imported));
  }

  return (
    <section className="panel" aria-labelledby="bank-import-title">
      <h2 id="bank-import-title">{t('bank.importTitle')}</h2>
      <FileDropZone
        hint={t('bank.dropHere')}
        pickLabel={t('bank.pick')}
        accept=".dat,.txt,.csv"
        onFile={(file) => void take(file)}
      />
      {busy ? <Progress label={busy} /> : null}
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      {preview && chosen ? (
        <>
          <ImportSummary answer={answerOfImport(preview)} caption={t('bank.dryRunOf', { name: chosen.name })} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== null || preview.alreadyImported}
              onClick={() => void importChosen()}
            >
              {t('bank.importNow')}
            </button>
            <button type="button" className="quiet" onClick={() => (setPreview(null), setChosen(null))}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : null}
      {report ? <ImportSummary answer={report} caption={t('bank.reportOf', { name: chosen?.name ?? '' })} /> : null}
    </section>
  );
}
