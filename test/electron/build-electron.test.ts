import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'build-electron-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const requiresOf = (code: string) => [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

describe('scripts/build-electron.mjs', () => {
  it('bundles a sandbox-safe preload that requires nothing but electron, and a main process with packages left external', async () => {
    await (buildElectron as (dir: string) => Promise<void>)(out);
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    expect(requiresOf(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("backoffice"');
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(requiresOf(main)).toEqual(expect.arrayContaining(['better-sqlite3', 'electron']));
    expect(main).not.toMatch(/import\.meta/);
    expect(main).toContain('"backoffice:call"');
  });
});
