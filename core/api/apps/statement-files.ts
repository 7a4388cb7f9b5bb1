import { availableParallelism } from 'node:os';
import { writeStatements } from '../../close';
import { defineOperation, type OperationApp } from '../operation';
import { writeStatementsInput } from '../schemas/billing';

/**
 * billing.writeStatements: a closed month's 請求書 as PDF files in a folder, one per bill and volumes for
 * printing, rendered on worker threads (core/close/render-pool.ts). The output names the files written.
 * Through the command line door only (D-API-1); audited, as the statements leave the system.
 */
const write = defineOperation({
  name: 'billing.writeStatements',
  roles: ['accounting', 'supervisor'],
  channels: ['cli'],
  input: writeStatementsInput,
  audited: true,
  handler: async (ctx, input) => {
    const written = await writeStatements(ctx.db, input.month, input.outDir, {
      now: ctx.now,
      workers: input.workers ?? Math.min(2, availableParallelism()),
    });
    return { ...written, renderMs: Math.round(written.renderMs) };
  },
});

export const statementFilesApp = { domain: 'billing', operations: [write] } as const satisfies OperationApp;
