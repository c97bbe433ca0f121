// Installs code-server (VS Code's own workbench and remote extension host) into the ignored cache
// folder .vscode-test/ on first use, and reuses it afterwards. The integration and end-to-end
// runners import ensureCodeServer(); `npm run setup:e2e` runs it on its own.
//
// No VS Code desktop build can be downloaded on our machines, but the npm registry and Debian's
// packages are reachable: code-server from npm plus Debian's chromium is a real VS Code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, the last release that runs on Node 20
const RIPGREP_VERSION = '1.15.11'; // @vscode/ripgrep's version inside code-server 4.100.3
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.vscode-test');
const installDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(installDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// fonts-noto-color-emoji only makes the status emoji in hovers show in screenshots.
const APT_PACKAGES = 'chromium fonts-noto-color-emoji libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep';

/** Each check names the Debian package that provides what is missing. */
function missingPrerequisites({ forBuild }) {
  const checks = [[chromiumPath, 'chromium']];
  if (forBuild) {
    checks.push(
      ['/usr/bin/rg', 'ripgrep'],
      ['/usr/bin/pkg-config', 'pkg-config'],
      ['/usr/include/krb5.h', 'libkrb5-dev'],
      ['/usr/include/X11/Xlib.h', 'libx11-dev'],
      ['/usr/include/X11/extensions/XKBfile.h', 'libxkbfile-dev'],
      ['/usr/include/libsecret-1/libsecret/secret.h', 'libsecret-1-dev'],
    );
  }
  return checks.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
}

function fail(message) {
  const error = new Error(message);
  error.setupFailure = true;
  throw error;
}

function installedVersion() {
  const manifest = join(installDir, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(manifest) || !existsSync(codeServerBin)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/**
 * code-server's postinstall downloads ripgrep from the internet, which is closed here; its
 * downloader looks in a cache first, so we put Debian's rg there under the expected asset name.
 */
function seedRipgrepCache() {
  const cache = join(process.env.TMPDIR ?? tmpdir(), `vscode-ripgrep-cache-${RIPGREP_VERSION}`);
  const archive = join(cache, RIPGREP_ASSET);
  if (existsSync(archive)) return;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
  rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) fail(`could not write the ripgrep cache ${archive}`);
}

/** Returns the code-server binary, installing it on first use. Throws with a one-line reason. */
export function ensureCodeServer({ quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  if (installedVersion() === CODE_SERVER_VERSION) {
    const missing = missingPrerequisites({ forBuild: false });
    if (missing.length) fail(`missing Debian packages: apt-get install -y ${missing.join(' ')}`);
    log(`code-server ${CODE_SERVER_VERSION} ready in ${installDir}`);
    return codeServerBin;
  }
  const missing = missingPrerequisites({ forBuild: true });
  if (missing.length) {
    fail(`missing Debian packages (needed to build code-server's native modules and to run chromium): ` +
      `apt-get update && apt-get install -y ${missing.join(' ')}   (all of them: ${APT_PACKAGES})`);
  }
  seedRipgrepCache();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // A package.json of its own, so npm installs here instead of into the extension's project.
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (about a minute, once)...`);
  const started = Date.now();
  const npm = spawnSync('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--foreground-scripts',
    '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: installDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    // node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (npm.status !== 0 || installedVersion() !== CODE_SERVER_VERSION) {
    fail(`npm install code-server@${CODE_SERVER_VERSION} failed in ${installDir} (see the output above)`);
  }
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureCodeServer();
  } catch (error) {
    console.error(`setup-e2e: ${error.message}`);
    process.exit(1);
  }
}
