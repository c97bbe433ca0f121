// Starts code-server (a real VS Code workbench + remote extension host) and Debian's chromium
// for the integration and end-to-end runners. Everything listens on 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const repoRoot = resolve(__dirname, '..', '..');

const userSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** The installed code-server binary (installing it on first use) or a one-line reason why not. */
export async function ensureCodeServer(): Promise<{ codeServerBin: string; chromiumPath: string }> {
  const setupPath = join(repoRoot, 'scripts', 'setup-e2e.mjs');
  const setup = (await import(pathToFileURL(setupPath).href)) as {
    ensureCodeServer(options: { quiet: boolean }): string;
    chromiumPath: string;
  };
  return { codeServerBin: setup.ensureCodeServer({ quiet: false }), chromiumPath: setup.chromiumPath };
}

/** The as-of date every suite computes progress at, so results do not depend on the day. */
export const AS_OF = '2026-05-15';

/**
 * A fresh workspace holding copies of the samples (the tests' edits never touch the repository),
 * with `okr.today` fixed in its settings.
 */
export function makeWorkspace(stateDir: string): string {
  const workspace = join(stateDir, 'workspace');
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'okr.today': AS_OF }, null, 2));
  return workspace;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface CodeServer {
  port: number;
  base: string;
  userDataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  codeServerBin: string;
  /** A fresh folder for this run: user data and extensions live under it. */
  stateDir: string;
  /** Extra user settings merged over the defaults. */
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

function prepareState(options: CodeServerOptions) {
  const userDataDir = join(options.stateDir, 'user-data');
  const extensionsDir = join(options.stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...userSettings, ...options.settings }, null, 2));
  return { userDataDir, extensionsDir };
}

function commonArgs(options: CodeServerOptions, userDataDir: string, extensionsDir: string): string[] {
  // Its own config file, so code-server never writes into ~/.config.
  return ['--config', join(options.stateDir, 'config.yaml'), '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir];
}

/** Installs a packaged extension into this state folder's extensions dir. */
export async function installExtension(options: CodeServerOptions, vsixPath: string): Promise<void> {
  const { userDataDir, extensionsDir } = prepareState(options);
  const child = spawn(options.codeServerBin, [...commonArgs(options, userDataDir, extensionsDir),
    '--install-extension', vsixPath, '--force'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsixPath} failed (${code}):\n${output}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { userDataDir, extensionsDir } = prepareState(options);
  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ...commonArgs(options, userDataDir, extensionsDir)];
  // detached: its own process group, so stop() ends code-server and its extension hosts together.
  const child = spawn(options.codeServerBin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...options.env },
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  await waitForListening(child, base, () => log);
  return { port, base, userDataDir, extensionsDir, stop: () => stopProcessGroup(child) };
}

async function waitForListening(child: ChildProcess, base: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before listening:\n${log()}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`code-server did not listen on ${base} within 30 s:\n${log()}`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, 3_000);
    child.once('exit', () => { clearTimeout(force); done(); });
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { clearTimeout(force); done(); }
  });
}

/** Debian's chromium through playwright-core (never a downloaded browser). */
export async function launchChromium(chromiumPath: string): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath}: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The URL that opens a folder in the workbench, optionally with a development extension and a test module. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: { extensionPath: string; testsPath: string }): string {
  let url = `${server.base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    url += `&payload=${encodeURIComponent(JSON.stringify([
      ['extensionDevelopmentPath', remote(payload.extensionPath)],
      ['extensionTestsPath', remote(payload.testsPath)],
    ]))}`;
  }
  return url;
}

export async function openWorkbench(browser: Browser, url: string, viewport = { width: 1400, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}
