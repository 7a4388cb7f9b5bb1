#!/usr/bin/env node
// `npm start`: builds what is stale, then runs the desktop app in Electron, or, where Electron cannot run
// (no binary and no way to download it, no display, or it stops at once), the same app in a browser
// through `backoffice serve`. Options: --db FILE (else BACKOFFICE_DB, else the CLI's default ledger),
// --port N (browser host only), --idle-minutes N (minutes a session may go unused), --no-open (print the URL,
// open no browser). Never waits on a download for more than ELECTRON_INSTALL_TIMEOUT_MS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildRendererIfStale } from './renderer-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(root, ...parts);
const ELECTRON_INSTALL_TIMEOUT_MS = 60_000;
const say = (line) => console.log(`[start] ${line}`);
const FIRST_RUN_HINT =
  'This database has no operators yet: the first screen offers demo data (or creating the first administrator).';
let firstRunHintSaid = false;
const sayFirstRunHint = () => {
  if (!firstRunHintSaid) say(FIRST_RUN_HINT);
  firstRunHintSaid = true;
};

const ELECTRON_EARLY_EXIT_MS = 15_000;

const args = process.argv.slice(2);
const noOpen = args.includes('--no-open') || process.env.BACKOFFICE_NO_OPEN === '1';
const serveArgs = args.filter((a) => a !== '--no-open');
// One database for every child (Electron, serve, the first-run check): --db becomes BACKOFFICE_DB.
const dbIndex = serveArgs.findIndex((a) => a === '--db' || a.startsWith('--db='));
if (dbIndex >= 0) {
  const [flag, inline] = serveArgs[dbIndex].split(/=(.*)/s);
  const file = inline ?? serveArgs[dbIndex + 1];
  if (file) {
    process.env.BACKOFFICE_DB = path.resolve(file);
    serveArgs.splice(dbIndex, flag === serveArgs[dbIndex] ? 2 : 1);
  }
}
const backofficeCli = [at('bin', 'backoffice.mjs')];
// --idle-minutes N goes to Electron as well as to serve (each checks it: core/cli/idle-minutes.ts).
const idleIndex = serveArgs.findIndex((a) => a === '--idle-minutes' || a.startsWith('--idle-minutes='));
const electronArgs =
  idleIndex < 0 ? [] : serveArgs.slice(idleIndex, serveArgs[idleIndex].includes('=') ? idleIndex + 1 : idleIndex + 2);

/** The newest modification time under a folder (or of a file), 0 when it does not exist. */
function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

function isStale(output, sources) {
  const built = newestMtime(output);
  return built === 0 || sources.some((s) => newestMtime(s) > built);
}

function buildRenderer() {
  if (!existsSync(at('renderer', 'index.html'))) return say('no renderer/ sources: skipping the renderer build');
  try {
    buildRendererIfStale(root, say);
  } catch {
    say(
      existsSync(at('dist', 'renderer', 'index.html'))
        ? 'the renderer build failed: serving the previous build'
        : 'the renderer build failed: only the API will answer',
    );
  }
}

async function buildElectronIfStale() {
  if (!isStale(at('dist', 'electron', 'main.cjs'), [at('electron'), at('core')])) return;
  say('building the Electron main process and preload…');
  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();
}

/**
 * Electron's binary path, as require('electron') gives it (ELECTRON_OVERRIDE_DIST_PATH included), but
 * without ever starting a download.
 */
function installedElectron() {
  const dir = at('node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, name ?? 'electron') : name && path.join(dir, 'dist', name);
  return binary && existsSync(binary) ? binary : null;
}

function electronBinary() {
  const found = installedElectron();
  if (found) return { binary: found };
  if (!existsSync(at('node_modules', 'electron', 'install.js')))
    return { why: 'the electron package is not installed' };
  say(`Electron's binary is missing: trying to download it once (at most ${ELECTRON_INSTALL_TIMEOUT_MS / 1000} s)…`);
  const result = spawnSync(process.execPath, [at('node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: ELECTRON_INSTALL_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const downloaded = installedElectron();
  if (downloaded) return { binary: downloaded };
  const reason =
    result.error?.code === 'ETIMEDOUT'
      ? 'the download timed out'
      : result.stderr?.toString().trim().split('\n')[0] || `install.js exited ${result.status}`;
  return { why: `Electron could not be downloaded (${reason})` };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs a child until it exits, passing Ctrl+C / SIGTERM on to it, then exits with its status. */
function relay(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Electron, unless it stops at once (missing system libraries, no usable display): then the browser host. */
function runElectron(binary) {
  say('starting the desktop app (Electron)…');
  const started = Date.now();
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
  const { ELECTRON_RUN_AS_NODE: _asNode, ...env } = process.env;
  const child = spawn(binary, [root, ...electronArgs], { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('error', (e) => fallBack(`Electron could not start (${e.message})`));
  child.on('exit', (code, signal) => {
    if (code !== 0 && !signal && Date.now() - started < ELECTRON_EARLY_EXIT_MS)
      return fallBack(`Electron stopped at once (exit ${code})`);
    process.exit(code ?? (signal ? 1 : 0));
  });
  function fallBack(why) {
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, forward);
    runBrowserHost(why);
  }
}

/** Says so when the ledger has no operator yet (the desktop path; the browser path asks its own host). */
function firstRunHintFromCli() {
  const result = spawnSync(process.execPath, [...backofficeCli, 'call', 'setup.status'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });
  try {
    if (result.status === 0 && JSON.parse(result.stdout).hasOperators === false) sayFirstRunHint();
  } catch {
    // A courtesy only: the app shows its first-run screen either way.
  }
}

function browserCommand(url) {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  if (!hasDisplay()) return null;
  const onPath = (name) =>
    (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, name)));
  const found = ['xdg-open', 'chromium', 'chromium-browser', 'google-chrome', 'firefox'].find(onPath);
  return found ? [found, [url]] : null;
}

async function firstRunLine(url) {
  try {
    const { origin, searchParams } = new URL(url);
    const response = await fetch(`${origin}/api/setup.status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${searchParams.get('token')}`, 'Content-Type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(5000),
    });
    const body = await response.json();
    if (body?.output?.hasOperators === false) sayFirstRunHint();
  } catch {
    // The first-run hint is a courtesy; the app itself shows the first-run screen either way.
  }
}

function runBrowserHost(why) {
  say(`${why}: running the back office in a browser instead (backoffice serve).`);
  const child = spawn(process.execPath, [...backofficeCli, 'serve', ...serveArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  relay(child);
  const lines = createInterface({ input: child.stdout });
  let urlSeen = false;
  lines.on('line', async (line) => {
    if (urlSeen) return console.log(line);
    urlSeen = true;
    const url = line;
    console.log(url);
    await firstRunLine(url);
    const opener = noOpen ? null : browserCommand(url);
    if (opener === null) {
      say(`Open this URL in a browser: ${url}${noOpen ? '' : ' (no browser could be opened from here)'}`);
    } else {
      const [command, commandArgs] = opener;
      const browser = spawn(command, commandArgs, {
        stdio: 'ignore',
        detached: true,
        windowsVerbatimArguments: command === 'cmd',
      });
      browser.on('error', () => say(`Could not start ${command}: open this URL in a browser: ${url}`));
      browser.unref();
      say(`Opening ${url} in your browser (${command}). Press Ctrl+C here to stop.`);
    }
  });
}

buildRenderer();
if (!hasDisplay()) {
  runBrowserHost('No graphical display (DISPLAY/WAYLAND_DISPLAY unset), so no Electron window');
} else {
  const electron = electronBinary();
  if (electron.binary) {
    await buildElectronIfStale();
    firstRunHintFromCli();
    runElectron(electron.binary);
  } else {
    runBrowserHost(electron.why);
  }
}
