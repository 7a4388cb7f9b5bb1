import { useState } from 'react';
import { importUsageInput } from '../../../core/api/schemas/billing';
import { useSession } from '../../session/session';
import { Progress } from '../../components/Progress';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import type { CallFailure } from '../../api/client';
import { FileDropZone } from '../common/FileDropZone';

/** A month's usage file (shared/contracts/rating.md) picked or dropped, read as text in the browser, imported. */
export function ImportUsage({ onImported }: { onImported: (month: string) => void }) {
  const { t } = useI18n();
  const { call } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [replace, setReplace] = useState(false);

  async function take(file: File) {
    setSaid(null);
    setProblem(null);
    setFailure(null);
    const content = await file.text();
    if (!importUsageInput.safeParse({ content }).success) return setProblem(t('usage.emptyFile', { name: file.name }));
    setBusy(t('usage.importing', { name: file.name }));
    const result = await call('usage.import', replace ? { content, replace } : { content });
    setBusy(null);
    if (!result.ok) return setFailure(result);
    const { imported, month, accounts, replaced } = result.output;
    setSaid(
      t(imported ? 'usage.importedAccounts' : 'usage.alreadyImported', { name: file.name, month, accounts }) +
        (replaced.length > 0 ? ` ${t('imports.replaced', { ids: replaced.join(', ') })}` : ''),
    );
    onImported(result.output.month);
  }

  return (
    <section className="panel" aria-labelledby="usage-import-title">
      <h2 id="usage-import-title">{t('usage.importTitle')}</h2>
      <FileDropZone
        hint={t('usage.dropHere')}
        pickLabel={t('usage.pick')}
        accept=".json,application/json"
        onFile={(file) => void take(file)}
      />
      <label className="checkbox">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
        {t('imports.replace')}
      </label>
      {busy ? <Progress label={busy} /> : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {failure ? <Refusal operation="usage.import" failure={failure} /> : null}
      <Notice>{said}</Notice>
    </section>
  );
}
