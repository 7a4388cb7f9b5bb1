import type { Translate } from './i18n';
import { ja, type MessageKey } from './ja';

/** A dictionary entry named by a prefix and a value from the catalog (`op.members.create`), or the value itself. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in ja ? t(key as MessageKey) : value;
}
