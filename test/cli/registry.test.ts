import { describe, expect, it } from 'vitest';
import { commands } from '../../core/cli/commands';
import { helpText, main } from '../../core/cli/main';

describe('backoffice command registry', () => {
  it('each entry loads the command of its own name, and names are unique', async () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of commands) expect((await entry.load()).name).toBe(entry.name);
  });

  it('--help lists every command with its summary', async () => {
    const text = await helpText();
    for (const entry of commands) expect(text).toMatch(new RegExp(`^  ${entry.name} +\\S`, 'm'));
  });

  it('an unknown command is refused with exit 2 and the list', async () => {
    let err = '';
    const code = await main(['frobnicate'], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/^unknown command: frobnicate/);
    expect(err).toMatch(/^ {2}rate +rate a month/m);
  });
});
