import { useI18n } from '../../i18n/i18n';

/** corporation → 法人, individual → 個人 (R-PARTY-1). */
export function KindLabel({ kind }: { kind: string }) {
  const { t } = useI18n();
  if (kind === 'corporation') return <>{t('members.kind.corporation')}</>;
  if (kind === 'individual') return <>{t('members.kind.individual')}</>;
  return <>{kind}</>;
}
