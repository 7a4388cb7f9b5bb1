import type { Translate } from './i18n';
import { ja, type MessageKey } from './ja';

/**
 * A dictionary entry named by a prefix and a value from the catalog (`op.members.create`), or the value itself
 * (nothing for none).
 */
export function labelOf(t: Translate, prefix: string, value: string | null): string {
  if (value === null) return '';
  const key = `${prefix}.${value}`;
  return key in ja ? t(key as MessageKey) : value;
}

/** Role names in the current language, as a list: 営業、経理 / Sales, Accounting. */
export function roleList(t: Translate, roles: readonly string[]): string {
  return roles.map((r) => labelOf(t, 'role', r)).join(t('common.listSeparator'));
}
