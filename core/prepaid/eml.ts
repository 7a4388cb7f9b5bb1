import { randomBytes } from 'node:crypto';

export interface EmlAttachment {
  /** ASCII file name, e.g. PRE-2026-000001.pdf */
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface EmlMessage {
  from: string;
  to: string;
  subject: string;
  date: Date;
  text: string;
  attachments?: EmlAttachment[];
}

const CRLF = '\r\n';

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** RFC 2047 encoded-words, each short enough for a 78-character header line. */
function encodeHeader(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/**
 * An e-mail a person can open and send (RFC 5322 with MIME): UTF-8 text in base64, attachments in base64,
 * CRLF line ends. Written to the outbox; this product does not send mail itself.
 */
export function buildEml(message: EmlMessage): string {
  const boundary = `=_backoffice_${randomBytes(12).toString('hex')}`;
  const headers = [
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${message.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomBytes(16).toString('hex')}@backoffice.invalid>`,
    'MIME-Version: 1.0',
  ];
  const textPart = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(message.text, 'utf8')),
  ];
  const attachments = message.attachments ?? [];
  if (attachments.length === 0) return [...headers, ...textPart, ''].join(CRLF);
  const parts = [
    textPart.join(CRLF),
    ...attachments.map((a) =>
      [
        `Content-Type: ${a.contentType}; name="${a.filename}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="${a.filename}"`,
        '',
        base64Lines(a.data),
      ].join(CRLF),
    ),
  ];
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.map((p) => `--${boundary}${CRLF}${p}`),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** The attachment of that name in a message built by buildEml, or null. */
export function attachmentOf(eml: string, filename: string): Buffer | null {
  const boundary = /boundary="([^"]+)"/.exec(eml)?.[1];
  if (!boundary) return null;
  for (const part of eml.split(`--${boundary}`)) {
    const cut = part.indexOf(`${CRLF}${CRLF}`);
    if (cut < 0 || !part.slice(0, cut).includes(`filename="${filename}"`)) continue;
    return Buffer.from(part.slice(cut + 4).replace(/\s+/g, ''), 'base64');
  }
  return null;
}
