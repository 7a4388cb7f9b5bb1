import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs build scripts without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';
// @ts-expect-error: plain .mjs build scripts without type declarations
import { BUILDER_CONFIG, packagingPlan, runBuilder } from '../../scripts/package.mjs';
import { buildRendererIfStale } from '../../scripts/renderer-build.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

type BuilderConfig = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  publish: { provider: string; url: string }[];
  mac: Record<string, unknown> & { target: { target: string; arch: string[] }[] };
  win: Record<string, unknown>;
  linux: Record<string, unknown>;
  directories: { buildResources: string };
};

/** electron-builder.yml as electron-builder itself reads it (its own loader, `extends` resolved). */
async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string): Promise<BuilderConfig>;
  };
  return getConfig(repo, BUILDER_CONFIG);
}

async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
  };
  await validateConfiguration(config, { isEnabled: false, add() {} });
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema (which refuses a wrong key)", async () => {
    const config = await builderConfig();
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, electronFuses: { runAsNod: false } })).rejects.toThrow(
      /configuration.electronFuses/,
    );
  });

  it("turns Electron's risky fuses off: no running as Node, no NODE_OPTIONS or --inspect, asar only and checked", async () => {
    expect((await builderConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds for macOS with the hardened runtime, notarisation, x64 and arm64, and the zip electron-updater needs', async () => {
    const { mac, directories } = await builderConfig();
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    const entitlements = readFileSync(path.join(repo, mac.entitlements as string), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    // Every platform's icon is made from this one 1024 × 1024 PNG (rendered from icon.svg).
    const icon = readFileSync(path.join(repo, directories.buildResources, 'icon.png'));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('publishes updates to the generic https server the company names in BACKOFFICE_UPDATE_URL', async () => {
    const { publish, win, linux } = await builderConfig();
    expect(publish).toEqual([{ provider: 'generic', url: '${env.BACKOFFICE_UPDATE_URL}', channel: 'latest' }]);
    expect(win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(linux.target).toEqual(['AppImage', 'deb']);
  });
});

describe('scripts/package.mjs', () => {
  const plan = (platform: string, env: Record<string, string>) =>
    packagingPlan(platform, env) as { warnings: string[]; errors: string[]; config: Record<string, unknown> };

  it('signs and notarises from the environment when it holds the settings, and says what it skips when not', () => {
    const bare = plan('mac', {});
    expect(bare.errors).toEqual([]);
    expect(bare.config).toEqual({ publish: null });
    expect(bare.warnings.join('\n')).toMatch(/BACKOFFICE_UPDATE_URL.*never looks for updates/);
    expect(bare.warnings.join('\n')).toMatch(/not notarised/);
    const full = plan('mac', {
      BACKOFFICE_UPDATE_URL: 'https://updates.example.jp/backoffice/',
      CSC_LINK: '/secrets/developer-id.p12',
      CSC_KEY_PASSWORD: 'p',
      APPLE_API_KEY: '/secrets/AuthKey.p8',
      APPLE_API_KEY_ID: 'ABC123',
      APPLE_API_ISSUER: 'issuer',
    });
    expect(full).toEqual({ warnings: [], errors: [], config: {} });
    expect(plan('mac', { APPLE_ID: 'a@example.jp' }).errors[0]).toMatch(/APPLE_APP_SPECIFIC_PASSWORD/);
    expect(plan('win', {}).warnings.join('\n')).toMatch(/not signed/);
    expect(plan('win', { CSC_LINK: 'c.pfx' }).errors[0]).toMatch(/CSC_KEY_PASSWORD/);
    expect(plan('win', { WIN_CSC_LINK: 'c.pfx', CSC_KEY_PASSWORD: 'p' }).warnings).toEqual([
      'BACKOFFICE_UPDATE_URL is not set: this build never looks for updates.',
    ]);
    expect(plan('linux', { BACKOFFICE_UPDATE_URL: 'http://updates.example.jp/' }).errors[0]).toMatch(/https/);
  });
});

describe('the packaged app (electron-builder --dir, with a stand-in Electron binary)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'packaging-'));
  const fakeElectron = path.join(work, 'electron-dist');
  const out = path.join(work, 'release');
  let files: string[] = [];
  let unpacked: string[] = [];
  let appDir = '';

  beforeAll(async () => {
    buildRendererIfStale(repo);
    await buildElectron();
    // Electron's binary cannot be downloaded here: a stand-in carrying Electron's fuse wire (its sentinel,
    // version 1, eight fuses at Electron's defaults) lets electron-builder pack and flip the fuses as for real.
    mkdirSync(path.join(fakeElectron, 'resources'), { recursive: true });
    writeFileSync(
      path.join(fakeElectron, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\nexit 0\n'),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, 8]),
        Buffer.from('10110001'),
      ]),
      { mode: 0o755 },
    );
    writeFileSync(path.join(fakeElectron, 'LICENSE'), 'MIT');
    writeFileSync(path.join(fakeElectron, 'version'), '45.4.1');
    const previous = process.env.BACKOFFICE_UPDATE_URL;
    process.env.BACKOFFICE_UPDATE_URL = 'https://updates.example.jp/backoffice/';
    try {
      await runBuilder({
        platform: 'linux',
        dir: true,
        // No rebuild of better-sqlite3 for Electron's ABI (that needs Electron's headers from the network).
        overrides: { electronDist: fakeElectron, npmRebuild: false, directories: { output: out } },
      });
    } finally {
      if (previous === undefined) delete process.env.BACKOFFICE_UPDATE_URL;
      else process.env.BACKOFFICE_UPDATE_URL = previous;
    }
    appDir = path.join(out, 'linux-unpacked');
    files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false });
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    unpacked = walk(path.join(appDir, 'resources', 'app.asar.unpacked')).map((f) =>
      path.relative(path.join(appDir, 'resources', 'app.asar.unpacked'), f),
    );
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the main process, the renderer, the catalog and the two fonts, each once', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/renderer/fonts.css',
      '/resources/catalog.json',
      '/resources/fonts/NotoSansJP-Regular.ttf',
      '/resources/fonts/NotoSansJP-Bold.ttf',
    ])
      expect(files, file).toContain(file);
    expect(files.filter((f) => /\.(ttf|otf|woff2?)$/.test(f))).toEqual([
      '/resources/fonts/NotoSansJP-Bold.ttf',
      '/resources/fonts/NotoSansJP-Regular.ttf',
    ]);
    expect(files.filter((f) => /\.map$|\.tsx?$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('/resources/build') || f.startsWith('/test') || f.startsWith('/core'))).toBe(
      false,
    );
  });

  it('carries no build tool and no font package: only what runs', () => {
    const packages = new Set(
      files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter((p): p is string => !!p),
    );
    for (const tool of [
      'tsx',
      'esbuild',
      '@esbuild/linux-x64',
      'vite',
      'vitest',
      'typescript',
      'electron',
      'electron-builder',
      'app-builder-lib',
      'playwright-core',
      '@expo-google-fonts/noto-sans-jp',
    ])
      expect(packages.has(tool), tool).toBe(false);
    for (const runtime of ['better-sqlite3', 'kysely', 'pdfkit', 'fontkit', 'decimal.js', 'zod', 'electron-updater'])
      expect(packages.has(runtime), runtime).toBe(true);
    // The native module sits outside the asar, to be loaded; better-sqlite3's C sources are not shipped.
    expect(unpacked).toContain(path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(unpacked.some((f) => f.includes('test_extension'))).toBe(false);
    expect(files.some((f) => f.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('has its fuses flipped in the Electron binary, and the update server written beside the app', async () => {
    const wire = (await getCurrentFuseWire(path.join(appDir, 'backoffice'))) as Record<string, unknown>;
    const on = 49;
    const off = 48;
    // RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only asar, V8 snapshot, file://.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => wire[i])).toEqual([off, on, off, off, on, on, off, off]);
    expect(readFileSync(path.join(appDir, 'resources', 'app-update.yml'), 'utf8')).toContain(
      'url: https://updates.example.jp/backoffice/',
    );
    expect(existsSync(path.join(appDir, 'resources', 'default_app.asar'))).toBe(false);
  });
});
