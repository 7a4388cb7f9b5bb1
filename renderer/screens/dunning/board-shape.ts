import { list, num, obj, str } from '../common/read';

export interface BoardAccount {
  code: string;
  label: string;
  status: string;
  memberNumber: string;
  memberName: string;
  history: { from: string; to: string; cause: string; at: string }[];
  commands: { id: number; topic: string; status: string; createdAt: string }[];
}

/** dunning.board answers `{ accounts: [...] }` (core/api/apps/dunning-board.ts). */
export function boardIn(output: unknown): BoardAccount[] {
  return list(obj(output), 'accounts').map((a) => ({
    code: str(a, 'cloudAccountCode'),
    label: str(a, 'label'),
    status: str(a, 'status'),
    memberNumber: str(a, 'memberNumber'),
    memberName: str(a, 'memberName'),
    history: list(a, 'history').map((h) => ({
      from: str(h, 'from'),
      to: str(h, 'to'),
      cause: str(h, 'cause'),
      at: str(h, 'at'),
    })),
    commands: list(a, 'commands').map((c) => ({
      id: num(c, 'id') ?? 0,
      topic: str(c, 'topic'),
      status: str(c, 'status'),
      createdAt: str(c, 'createdAt'),
    })),
  }));
}
