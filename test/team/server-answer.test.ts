import { describe, expect, it } from 'vitest';
import { CALL_FAILURE_KINDS } from '../../core/api/failure-kinds';
import { answerOf } from '../../core/host/team-client/server-link';

describe("a team server's answer, as the desktop reads it", () => {
  it('D-SEC-14: a full disk on the server reaches the desktop as disk_full with its code, not as an unreadable answer', () => {
    const answer = answerOf(
      507,
      JSON.stringify({ kind: 'disk_full', code: 'ledger.disk_full', message: 'the disk is full; nothing was written' }),
    );
    expect(answer.result).toEqual({
      ok: false,
      kind: 'disk_full',
      code: 'ledger.disk_full',
      message: 'the disk is full; nothing was written',
    });
  });

  it('reads every kind of refusal the catalog makes, and refuses an answer that is none', () => {
    for (const kind of CALL_FAILURE_KINDS)
      expect(answerOf(400, JSON.stringify({ kind, message: 'no' })).result).toMatchObject({ ok: false, kind });
    expect(() => answerOf(502, '{"error":"bad gateway"}')).toThrow('the team server answered 502 without a refusal');
  });
});
