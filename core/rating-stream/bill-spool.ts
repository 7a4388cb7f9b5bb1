import { closeSync, ftruncateSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { accountBillJson, billHeadJson, billTailJson, type AccountBill, type BillHead } from '../rating';
import type { AccountBillSink } from './rate-usage-file';

const BATCH = 1 << 20;

/** Where the bill goes: text, or bytes to a stream where there is one (core/cli's CliIO is one). */
export interface BillOutput {
  out(text: string): void;
  outStream?: NodeJS.WritableStream;
}

/**
 * The accounts' bills, written to a temporary file as they are made (in billToJson's bytes), so that rating
 * holds one account at a time; handed on whole once the usage file has proved good, since bad input must
 * write no bill at all (shared/contracts/rating.md). `close` removes the file.
 */
export class BillSpool implements AccountBillSink {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'backoffice-rate-'));
  private readonly fd = openSync(path.join(this.dir, 'accounts.json'), 'w+');
  private readonly batch = Buffer.allocUnsafe(BATCH);
  private batched = 0;
  private written = 0;
  private accounts = 0;

  add(bill: AccountBill): void {
    const text = accountBillJson(bill, this.accounts++);
    // At most 3 UTF-8 bytes per UTF-16 unit.
    if (this.batched + text.length * 3 > BATCH) this.flush();
    if (text.length * 3 > BATCH) this.write(Buffer.from(text, 'utf8'));
    else this.batched += this.batch.write(text, this.batched, 'utf8');
  }

  discard(): void {
    this.batched = 0;
    ftruncateSync(this.fd, 0);
    this.written = 0;
    this.accounts = 0;
  }

  /** The whole bill, head, accounts and tail, to `io`: in bytes to its stream when it has one. */
  async copyTo(head: BillHead, io: BillOutput): Promise<void> {
    this.flush();
    const stream = io.outStream;
    const decoder = new StringDecoder('utf8');
    io.out(billHeadJson(head));
    for (let at = 0; at < this.written;) {
      const chunk = Buffer.allocUnsafe(Math.min(BATCH, this.written - at));
      const read = readSync(this.fd, chunk, 0, chunk.length, at);
      if (read === 0) throw new Error('the bill spool ended early');
      at += read;
      if (!stream) io.out(decoder.write(chunk.subarray(0, read)));
      else if (!stream.write(chunk.subarray(0, read))) await new Promise((resolve) => stream.once('drain', resolve));
    }
    io.out(decoder.end() + billTailJson(this.accounts));
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    this.write(this.batch.subarray(0, this.batched));
    this.batched = 0;
  }

  private write(bytes: Buffer): void {
    for (let done = 0; done < bytes.length;)
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
  }
}
