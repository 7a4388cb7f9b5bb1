import { isProblemCode, type ProblemCode, type ProblemParams } from '../../problem-codes';
import { parseInstant } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { listAuditInput } from '../schemas/audit';

/** A refusal's code and params as the row keeps them; a code this build does not know is left out. */
function problemOf(code: string | null, params: string | null): { code: ProblemCode; params: ProblemParams } | null {
  if (!isProblemCode(code)) return null;
  return { code, params: params === null ? {} : (JSON.parse(params) as ProblemParams) };
}

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
        problem: problemOf(r.detail_code, r.detail_params),
        code: r.detail_code,
        /** The network address the call came from (D-SEC-19); null for the app's window, the CLI, the schedule. */
        address: r.client_address,
      })),
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export const auditApp = { domain: 'audit', operations: [list] } as const satisfies OperationApp;
