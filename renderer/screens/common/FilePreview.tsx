import { useEffect, useRef, useState } from 'react';
import type { CallFailure, ReceivedFile } from '../../api/client';
import { useSession } from '../../session/session';
import { useI18n } from '../../i18n/i18n';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { bytesOf } from './pdf-file';
import { desktopPrint, printDocument, printFrame, type PrintRequest } from './print';

/**
 * A PDF received from an operation: previewed in a frame from an object URL (CSP frame-src blob:) with a save
 * link and a print button (the browser's print of the same PDF); under Electron the main process has already
 * saved it, so this says where, and Print asks the main process to print it again from `print` (the operation
 * that renders it). `autoPrint`: open the print dialog as soon as the preview is loaded (one-action printing).
 * The object URL lives as long as the panel shows this file: made and revoked by the effect, which points the
 * frame and the link at it.
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
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [printing, setPrinting] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const autoPrinted = useRef(false);
  const bytes = 'base64' in file ? file : null;

  useEffect(() => {
    if (!bytes) return;
    const url = URL.createObjectURL(new Blob([bytesOf(bytes.base64)], { type: bytes.mediaType }));
    autoPrinted.current = false;
    if (frame.current) frame.current.src = url;
    if (link.current) link.current.href = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes]);

  const canPrintHere = bytes !== null;
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
      <Notice>{said}</Notice>
      {failure && print ? <Refusal operation={print.operation} failure={failure} /> : null}
      {bytes ? (
        <iframe
          ref={frame}
          className="file-preview__frame"
          title={t('file.preview', { name: file.name })}
          onLoad={(event) => {
            // The frame loads about:blank before the effect points it at the PDF: print only the PDF.
            if (!autoPrint || autoPrinted.current || !event.currentTarget.src.startsWith('blob:')) return;
            autoPrinted.current = true;
            printFrame(event.currentTarget);
          }}
        />
      ) : null}
    </div>
  );
}
