import { fill } from '../../../renderer/i18n/i18n';
import type { MessageKey, Messages } from '../../../renderer/i18n/ja';

export { en } from '../../../renderer/i18n/en';
export { ja } from '../../../renderer/i18n/ja';
export type { Messages };

/**
 * Page models find things by the words a person sees, taken from the app's own dictionaries, so a test
 * reads the same in either language and a renamed label cannot silently break it.
 */
export function say(words: Messages, key: MessageKey, values?: Record<string, string | number>): string {
  return fill(words[key], values);
}
