import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { ReceivedFile } from '../../api/client';
import { bytesOf } from './pdf-file';

/**
 * A PDF received from an operation: previewed in a frame from an object URL (CSP frame-src blob:) with a save
 * link; under Electron the main process has already saved it, so this says where. The object URL lives as long
 * as the panel shows this file: made and revoked by the effect, which points the frame and the link at it.
 */
export function FilePreview({ file, onClose }: { file: ReceivedFile; onClose?: () => void }) {
  const { t } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const bytes = 'base64' in file ? file : null;

  useEffect(() => {
    if (!bytes) return;
    const url = URL.createObjectURL(new Blob([bytesOf(bytes.base64)], { type: bytes.mediaType }));
    if (frame.current) frame.current.src = url;
    if (link.current) link.current.href = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes]);

  return (
    <div className="panel file-preview" aria-label={t('file.preview', { name: file.name })} role="region">
      <div className="screen-head">
        <h3 className="mono">{file.name}</h3>
        <div className="actions">
          {bytes ? (
            <a ref={link} className="button" download={file.name}>
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
      {bytes ? (
        <iframe ref={frame} className="file-preview__frame" title={t('file.preview', { name: file.name })} />
      ) : null}
    </div>
  );
}
