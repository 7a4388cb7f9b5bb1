import { describe, expect, it } from 'vitest';
import { buildEml } from '../../core/prepaid/eml';

function decodeWords(header: string): string {
  return header
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('e-mail files for the outbox', () => {
  it('a Japanese subject is RFC 2047 encoded in lines of at most 78 characters and decodes back; the body is UTF-8 base64', () => {
    const subject = '【残高アラート】CA-000123 のプリペイド残高が ¥5,000 を下回りました';
    const eml = buildEml({
      from: 'billing@example.jp',
      to: 'keiri@example.jp',
      subject,
      date: new Date('2026-03-10T20:00:00Z'),
      text: '残高は ¥960 です。',
    });
    const [head = '', body = ''] = eml.split('\r\n\r\n');
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(decodeWords(/Subject: ([\s\S]*?)\r\nDate:/.exec(head)![1]!)).toBe(subject);
    expect(head).toContain('Date: Tue, 10 Mar 2026 20:00:00 +0000');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('残高は ¥960 です。');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/\n/); // CRLF only
  });
});
