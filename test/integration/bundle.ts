// Bundles the integration suite (with mocha) into one CommonJS file for the extension host.
// Mocha 12 is an ES module; bundled to CommonJS it loads in any extension host, desktop or code-server.
import { build } from 'esbuild';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

export const defaultTestsBundle = join(repoRoot, 'out', 'test', 'integration', 'index.js');

export async function bundleIntegrationTests(entry = join(repoRoot, 'test', 'integration', 'index.ts'),
  outfile = defaultTestsBundle): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // Mocha's parallel mode (worker files found by require.resolve) is never used here.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}
