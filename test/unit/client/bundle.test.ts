// The extension's first bundle (dist/extension.js) is what VS Code loads to activate: it must stay
// free of the engine's parser and reader, which belong to the language server. A client helper
// that imported the analyser once made the bundle 292 KB and activation 70 ms (target ≤ 50 ms).
import { strict as assert } from 'node:assert';
import { build } from 'esbuild';

describe('client bundle', () => {
  it('keeps the parser, the analyser and the sentence reader out of extension.js', async function () {
    this.timeout(60_000);
    const result = await build({
      entryPoints: ['client/src/extension.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true,
      external: ['vscode'], logLevel: 'silent', outfile: 'extension.js',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const heavy = inputs.filter((path) => /node_modules\/chevrotain|engine\/(analyze|parser\/|sentence\/|rules\/)/.test(path));
    assert.deepEqual(heavy, [], `imported by the client: ${heavy.join(', ')}`);
  });
});
