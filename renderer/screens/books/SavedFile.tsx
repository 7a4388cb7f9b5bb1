import { useEffect, useRef } from 'react';
import type { ReceivedFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { bytesOf } from '../common/pdf-file';

/**
 * A file an operation answered that is not for previewing (a CSV): a save link in the browser; under Electron
 * the main process has already asked where to save it, so this says where.
 */
export function SavedFile({ file }: { file: ReceivedFile }) {
  const { t } = useI18n();
  const link = useRef<HTMLAnchorElement>(null);
  const bytes = 'base64' in file ? file : null;
  useEffect(() => {
    if (!bytes || !link.current) return;
    const url = URL.createObjectURL(new Blob([bytesOf(bytes.base64)], { type: bytes.mediaType }));
    link.current.href = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes]);
  if ('savedTo' in file)
    return <p className="notice">{file.savedTo ? t('file.savedTo', { path: file.savedTo }) : t('file.notSaved')}</p>;
  return (
    <p className="notice">
      <a ref={link} className="button" download={file.name}>
        {t('file.save')} <span className="mono">{file.name}</span>
      </a>
    </p>
  );
}
