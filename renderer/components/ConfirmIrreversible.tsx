import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The confirmation of an action that cannot be undone (issue 14: close a month, delete an account's VMs,
 * withdraw an import…): it names what will happen, says it cannot be undone, and offers the action by its own
 * name beside "go back". Nothing happens until the named button is pressed.
 */
export function ConfirmIrreversible({
  title,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div id={`${id}-body`}>
        {children}
        <p className="confirm__warning">{t('confirm.cannotUndo')}</p>
      </div>
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('common.working') : confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('confirm.back')}
        </button>
      </div>
    </section>
  );
}
