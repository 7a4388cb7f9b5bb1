import { describe, expect, it } from 'vitest';
import { defaultDbPath, takeOption } from '../../core/cli/db-path';

describe('the default database file', () => {
  it('is BACKOFFICE_DB when set, else backoffice/ledger.db in the platform data folder', () => {
    expect(defaultDbPath({ BACKOFFICE_DB: '/data/x.db' }, 'linux', '/home/k')).toBe('/data/x.db');
    expect(defaultDbPath({}, 'linux', '/home/k')).toBe('/home/k/.local/share/backoffice/ledger.db');
    expect(defaultDbPath({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/k')).toBe('/xdg/backoffice/ledger.db');
    expect(defaultDbPath({}, 'darwin', '/Users/k')).toBe('/Users/k/Library/Application Support/backoffice/ledger.db');
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32', 'C:\\Users\\k')).toBe(
      'C:\\Users\\k\\AppData\\Roaming\\backoffice\\ledger.db',
    );
  });

  it('options are taken out of the arguments, with or without =; a flag without its value is refused naming it', () => {
    const args = ['call', 'x', '--db', 'a.db', '--as=sales'];
    expect([takeOption(args, 'db'), takeOption(args, 'as'), takeOption(args, 'to'), args]).toEqual([
      'a.db',
      'sales',
      undefined,
      ['call', 'x'],
    ]);
    expect(() => takeOption(['--db'], 'db')).toThrow('--db: needs a value');
  });
});
