import { parseInstant } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { listAuditInput } from '../schemas/audit';

const list = defineOperation({
  name: 'audit.list',
  roles: ['supervisor', 'admin'],
  input: listAuditInput,
  audited: false,
  handler: async (ctx, input) => {
    let query = ctx.db.selectFrom('audit_log');
    if (input.operator) query = query.where('operator_login', '=', input.operator);
    if (input.operation) query = query.where('operation', '=', input.operation);
    if (input.from) query = query.where('at', '>=', new Date(parseInstant(input.from)!).toISOString());
    if (input.to) query = query.where('at', '<', new Date(parseInstant(input.to)!).toISOString());
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        operator: r.operator_login,
        channel: r.channel,
        operation: r.operation,
        inputDigest: r.input_digest,
        /** The input as called, secrets masked (D-SEC-9); null in entries written before it was kept. */
        input: r.input,
        outcome: r.outcome,
        detail: r.detail,
        code: r.code,
      })),
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export const auditApp = { domain: 'audit', operations: [list] } as const satisfies OperationApp;
