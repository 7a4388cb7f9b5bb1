import type { CallFailure } from '../api/client';
import { signInExpired } from '../session/expired';
import { useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';
import { labelOf, roleList } from '../i18n/labels';
import { wordRefusal } from '../i18n/problems';

/** Explains in words why an operation was refused or failed; a refusal is never silently hidden. */
export function Refusal({ operation, failure }: { operation: string; failure: CallFailure }) {
  const { t, language } = useI18n();
  const { operator, catalog } = useSession();
  const roleNames = (roles: readonly string[]) => (roles.length === 0 ? t('refusal.noRoles') : roleList(t, roles));

  // A rule's own refusal (a wrong password, the last administrator, the wrong door, too many failed sign-ins)
  // says its own reason.
  const ownReason =
    (failure.kind === 'forbidden' && failure.code !== 'operation.needs_role') ||
    (failure.kind === 'unauthenticated' && !signInExpired(failure)) ||
    failure.kind === 'throttled';
  if (ownReason) {
    return (
      <section className="refusal" role="alert">
        <p>{wordRefusal(failure, language)}</p>
      </section>
    );
  }
  if (failure.kind === 'forbidden') {
    const needed = catalog?.find((op) => op.name === operation)?.roles;
    return (
      <section className="refusal" role="alert" aria-labelledby="refusal-title">
        <h2 id="refusal-title">{t('refusal.forbidden.title')}</h2>
        <p>
          {t('refusal.forbidden.body', {
            roles: roleNames(operator?.roles ?? []),
            operation: labelOf(t, 'op', operation),
          })}
        </p>
        {needed ? <p>{t('refusal.forbidden.needs', { roles: roleNames(needed) })}</p> : null}
        <p className="refusal__help">{t('refusal.forbidden.help')}</p>
      </section>
    );
  }
  return (
    <section className="refusal" role="alert">
      <p>{t(`refusal.${failure.kind}`)}</p>
      <p className="refusal__detail">{t('refusal.detail', { message: wordRefusal(failure, language) })}</p>
    </section>
  );
}
