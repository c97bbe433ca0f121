import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openSample, positionOf } from './helpers';

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hoverText(hovers);
}

suite('Hover', () => {
  test('a KR shows its computed progress with a bar, baseline → target, current value and status', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const text = await hoverAt(doc, positionOf(doc, 'kr Reduce total dollars', 5));
    // $24M → $19.4M toward $12M: (24 − 19.4) / (24 − 12) = 38%.
    assert.match(text, /38%/);
    assert.match(text, /[█▓▒░■□▰▱━]{3,}/, `a progress bar in: ${text}`);
    assert.match(text, /\$24M/);
    assert.match(text, /\$12M/);
    assert.match(text, /\$19\.4M/);
    assert.match(text, /2026-08-30/);
    assert.match(text, /at.risk/i, 'the owner\'s reported status');
    assert.match(text, /1\s*\/\s*2|1 of 2/, 'tasks done/total');
  });

  test('an objective shows its roll-up', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const text = await hoverAt(doc, positionOf(doc, 'objective Strategically', 12));
    assert.match(text, /\d+%/);
  });

  test('the coaching hint shows on a KR where a rule fired', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-ambiguous-metric']);
    const text = await hoverAt(doc, positionOf(doc, 'kr Reduce AR>90', 5));
    assert.match(text, /unclear|AR/);
  });
});
