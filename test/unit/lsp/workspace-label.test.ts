// How the tree and the exported report name a file: relative to its workspace folder.
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { workspaceLabel } from '../../../server/src/lsp/workspace-label';

describe('workspaceLabel', () => {
  const root = join('/', 'work', 'okrs');
  const uri = (...parts: string[]) => pathToFileURL(join(...parts)).href;

  it('is the path under the workspace folder', () => {
    assert.equal(workspaceLabel(uri(root, 'team', 'café 2026.okr'), [root]), join('team', 'café 2026.okr'));
  });

  it('names a file in the innermost folder that holds it, and never one beside a folder of a similar name', () => {
    const inner = join(root, 'team');
    assert.equal(workspaceLabel(uri(inner, 'a.okr'), [root, inner]), 'a.okr');
    assert.equal(workspaceLabel(uri(`${root}-old`, 'a.okr'), [root]), join(`${root}-old`, 'a.okr'));
  });

  it('keeps the full path outside every folder, and the URI itself when it is not a file', () => {
    assert.equal(workspaceLabel(uri('/elsewhere', 'a.okr'), [root]), join('/elsewhere', 'a.okr'));
    assert.equal(workspaceLabel('untitled:Untitled-1', [root]), 'untitled:Untitled-1');
  });
});
