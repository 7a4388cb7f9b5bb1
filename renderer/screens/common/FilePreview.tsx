import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../session/session';
import { useI18n } from '../../i18n/i18n';
import { Refusal } from '../../components/Refusal';
import { bytesOf, type ReceivedFile } from './pdf-file';
import { desktopPrint, printDocument, printFrame, type PrintRequest } from './print';
import type { Failure } from './useOperation';

/**
 * A PDF received from an operation: previewed in a frame from an object URL (CSP frame-src blob:) with a save
 * link and a print button (the browser's print of the same PDF); under Electron the main process has already
 * saved it, so this says where, and Print asks the main process to print it again from `print` (the operation
 * that renders it). `autoPrint`: open the print dialog as soon as the preview is loaded (one-action printing).
 */
export function FilePreview({
  file,
  print,
  autoPrint = false,
  onClose,
}: {
  file: ReceivedFile;
  print?: PrintRequest;
  autoPrint?: boolean;
  onClose?: () => void;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [printing, setPrinting] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const autoPrinted = useRef(false);

  useEffect(() => {
    if (!('base64' in file)) return;
    const made = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mediaType }));
    setUrl(made);
    autoPrinted.current = false;
    return () => URL.revokeObjectURL(made);
  }, [file]);

  const canPrintHere = url !== null;
  const canPrintOnDesktop = !canPrintHere && print !== undefined && desktopPrint() !== null;

  async function printAgain() {
    if (canPrintHere) {
      printFrame(frame.current);
      return;
    }
    if (!print) return;
    setPrinting(true);
    setFailure(null);
    setSaid(null);
    const started = await printDocument(print, call);
    setPrinting(false);
    if (started.kind === 'failed') setFailure(started.failure);
    else if (started.kind === 'dialog') setSaid(started.printed ? t('file.printed') : t('file.printCancelled'));
  }

  return (
    <div className="panel file-preview" aria-label={t('file.preview', { name: file.name })} role="region">
      <div className="screen-head">
        <h3 className="mono">{file.name}</h3>
        <div className="actions">
          {canPrintHere || canPrintOnDesktop ? (
            <button type="button" onClick={() => void printAgain()} disabled={printing}>
              {t('file.print')}
            </button>
          ) : null}
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
      {said ? (
        <p className="notice" role="status">
          {said}
        </p>
      ) : null}
      {failure && print ? <Refusal operation={print.operation} failure={failure} /> : null}
      {url ? (
        <iframe
          ref={frame}
          className="file-preview__frame"
          src={url}
          title={t('file.preview', { name: file.name })}
          onLoad={() => {
            if (!autoPrint || autoPrinted.current) return;
            autoPrinted.current = true;
            printFrame(frame.current);
          }}
        />
      ) : null}
    </div>
  );
}
