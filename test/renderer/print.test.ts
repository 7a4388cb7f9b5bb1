import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../core/api/service';
import { printDocument, type PrintRequest } from '../../renderer/screens/common/print';
import type { Call } from '../../renderer/session/session';

/** A fake of the session's call: answers whatever the test says, for any operation. */
const fakeCall = (answer: (operation: string) => Promise<CallResult>): Call => answer as Call;

const request: PrintRequest = { operation: 'billing.monthStatementsPdf', input: { month: '2026-10', volume: 1 } };
const pdf = { name: 'statements-2026-10.pdf', mediaType: 'application/pdf', base64: 'JVBERi0=' };
const globals = globalThis as { window?: unknown };

afterEach(() => {
  delete globals.window;
});

describe('the renderer print entry point', () => {
  it('D-APP-1: in a browser, fetches the PDF through the catalog for the preview to print', async () => {
    const calls: string[] = [];
    const call = fakeCall(async (operation) => {
      calls.push(operation);
      return { ok: true, output: { month: '2026-10', file: pdf } };
    });
    expect(await printDocument(request, call)).toEqual({ kind: 'preview', file: pdf });
    expect(calls).toEqual(['billing.monthStatementsPdf']);
  });

  it('D-APP-1: in the desktop app, asks the main process to print, and says whether it was printed', async () => {
    const printed: unknown[] = [];
    globals.window = {
      backoffice: {
        call: async () => ({ ok: false, kind: 'failed', code: 'operation.failed', message: 'not this door' }),
        print: async (operation: string, input: unknown): Promise<CallResult> => {
          printed.push([operation, input]);
          return {
            ok: true,
            output: { file: { name: pdf.name, mediaType: pdf.mediaType, printed: printed.length === 1 } },
          };
        },
      },
    };
    const call = fakeCall(async () => ({
      ok: false,
      kind: 'failed',
      code: 'operation.failed',
      message: 'not this door either',
    }));
    expect(await printDocument(request, call)).toEqual({ kind: 'dialog', printed: true });
    expect(await printDocument(request, call)).toEqual({ kind: 'dialog', printed: false });
    expect(printed).toEqual([
      ['billing.monthStatementsPdf', { month: '2026-10', volume: 1 }],
      ['billing.monthStatementsPdf', { month: '2026-10', volume: 1 }],
    ]);
  });

  it('passes a refusal on, to be said in words', async () => {
    const refusal: CallResult = {
      ok: false,
      kind: 'invalid',
      code: 'operation.invalid_input',
      params: { operation: 'billing.monthStatementsPdf' },
      message: 'not closed',
      problems: [{ path: 'month', code: 'month.not_closed', params: { month: '2026-10' }, message: 'x' }],
    };
    expect(
      await printDocument(
        request,
        fakeCall(async () => refusal),
      ),
    ).toEqual({ kind: 'failed', failure: refusal });
  });
});
