import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { bytesOf, type ReceivedFile } from './pdf-file';

/**
 * A PDF received from an operation: previewed in a frame from an object URL (CSP frame-src blob:) with a save
 * link; under Electron the main process has already saved it, so this says where.
 */
export function FilePreview({ file, onClose }: { file: ReceivedFile; onClose?: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!('base64' in file)) return;
    const made = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);

  return (
    <div className="panel file-preview" aria-label={t('file.preview', { name: file.name })} role="region">
      <div className="screen-head">
        <h3 className="mono">{file.name}</h3>
        <div className="actions">
          {url ? (
            <a className="button" href={url} download={file.name}>
              {t('file.save')}
            </a>
          ) : null}
          {onClose ? (
            <button type="button" className="quiet" onClick={onClose}>
              {t('file.close')}
            </button>
          ) : null}
        </div>
      </div>
      {'savedTo' in file ? (
        <p className="notice">{file.savedTo ? t('file.savedTo', { path: file.savedTo }) : t('file.notSaved')}</p>
      ) : null}
      {url ? <iframe className="file-preview__frame" src={url} title={t('file.preview', { name: file.name })} /> : null}
    </div>
  );
}
