#!/usr/bin/env node
// Desktop installers: `npm run package -- --linux` (AppImage, deb), `-- --win` (NSIS), `-- --mac` (dmg and zip,
// x64 and arm64); add `--dir` for the unpacked app only. Builds the renderer and the main process, says which
// signing, notarisation and update settings the environment holds (and what is skipped without them), then
// runs electron-builder with electron-builder.yml. README.md, "Installers", lists the variables.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUILDER_CONFIG = path.join(root, 'electron-builder.yml');

const has = (env, ...names) => names.every((n) => typeof env[n] === 'string' && env[n] !== '');
const hasAny = (env, ...names) => names.some((n) => has(env, n));

/**
 * What packaging for `platform` ('linux' | 'win' | 'mac') will do with this environment: warnings for what is
 * skipped (unsigned, not notarised, no updates), errors for settings that cannot work, and the overrides of
 * electron-builder.yml that follow (no update server: no `publish`).
 */
export function packagingPlan(platform, env) {
  const warnings = [];
  const errors = [];
  const config = {};

  const updateUrl = env.BACKOFFICE_UPDATE_URL;
  if (!updateUrl) {
    warnings.push('BACKOFFICE_UPDATE_URL is not set: this build never looks for updates.');
    config.publish = null;
  } else if (!/^https:\/\/[^/]+/.test(updateUrl)) {
    errors.push(`BACKOFFICE_UPDATE_URL must be an https:// address (updates are code): ${updateUrl}`);
  }

  if (platform === 'win') {
    if (!hasAny(env, 'WIN_CSC_LINK', 'CSC_LINK'))
      warnings.push(
        'WIN_CSC_LINK/CSC_LINK is not set: the installer is not signed (SmartScreen warns, and updates are not verified).',
      );
    else if (!hasAny(env, 'WIN_CSC_KEY_PASSWORD', 'CSC_KEY_PASSWORD'))
      errors.push('a signing certificate is set but CSC_KEY_PASSWORD (or WIN_CSC_KEY_PASSWORD) is not.');
  }

  if (platform === 'mac') {
    if (!hasAny(env, 'CSC_LINK', 'CSC_NAME'))
      warnings.push(
        'CSC_LINK/CSC_NAME is not set: the app is signed only if a Developer ID Application identity is in the keychain.',
      );
    else if (has(env, 'CSC_LINK') && !has(env, 'CSC_KEY_PASSWORD'))
      errors.push('CSC_LINK is set but CSC_KEY_PASSWORD is not.');
    const appleId = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
    const apiKey = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];
    const complete = has(env, ...appleId) || has(env, ...apiKey) || has(env, 'APPLE_KEYCHAIN_PROFILE');
    const partial = [...appleId, ...apiKey].filter((n) => has(env, n));
    if (!complete && partial.length > 0)
      errors.push(
        `notarisation needs APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (only ${partial.join(', ')} set).`,
      );
    else if (!complete)
      warnings.push(
        'APPLE_ID/APPLE_API_KEY is not set: the app is not notarised (Gatekeeper refuses to open it on other Macs).',
      );
  }

  if (platform === 'linux') warnings.push('Linux packages are not signed; publish their checksums with them.');
  return { warnings, errors, config };
}

/** electron-builder with electron-builder.yml, `overrides` merged over it (tests point electronDist elsewhere). */
export async function runBuilder({ platform, dir = false, overrides = {}, publish = 'never' }) {
  const { build, Platform } = await import('electron-builder');
  const target = { linux: Platform.LINUX, win: Platform.WINDOWS, mac: Platform.MAC }[platform];
  return build({
    projectDir: root,
    targets: target.createTarget(dir ? 'dir' : undefined),
    config: { extends: BUILDER_CONFIG, ...overrides },
    publish,
  });
}

async function main(argv) {
  const flag = argv.find((a) => ['--linux', '--win', '--mac'].includes(a));
  const platform = flag
    ? flag.slice(2)
    : ({ linux: 'linux', win32: 'win', darwin: 'mac' }[process.platform] ?? 'linux');
  const plan = packagingPlan(platform, process.env);
  for (const w of plan.warnings) console.warn(`[package] warning: ${w}`);
  if (plan.errors.length > 0) {
    for (const e of plan.errors) console.error(`[package] error: ${e}`);
    process.exit(2);
  }
  console.log('[package] building the renderer and the main process…');
  const { buildRendererIfStale } = await import('./renderer-build.mjs');
  const { buildElectron } = await import('./build-electron.mjs');
  buildRendererIfStale(root, (line) => console.log(`[package] ${line}`));
  await buildElectron();
  const files = await runBuilder({ platform, dir: argv.includes('--dir'), overrides: plan.config });
  for (const file of files) console.log(`[package] ${path.relative(root, file)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
