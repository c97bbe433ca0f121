// The TextMate grammar, tokenized by vscode-textmate with Oniguruma as VS Code does:
// scope assertions written under the fixture lines, and invariants over every sample.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAssertionLine, readAssertions } from './assertions';
import { hasScope, scopesAt, tokenize } from './harness';

const fixtures = join(__dirname, 'fixtures');
const samples = join(__dirname, '..', '..', 'samples');
const KEYWORDS = ['period', 'team', 'objective', 'why', 'owner', 'kr', 'task', 'baseline', 'target', 'weight', 'checkin', 'id', 'aligns', 'score'];

describe('grammar: fixtures with scope assertions', () => {
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.okr'))) {
    it(name, async () => {
      const text = readFileSync(join(fixtures, name), 'utf8');
      const assertions = readAssertions(text);
      assert.ok(assertions.length > 0, 'a fixture without assertions tests nothing');
      const lines = await tokenize(text);
      const failures: string[] = [];
      for (const a of assertions) {
        for (const column of a.columns) {
          const scopes = scopesAt(lines[a.sourceLine], column);
          const where = `${name}:${a.assertionLine} (line ${a.sourceLine + 1}, column ${column}: ${scopes.join(' ')})`;
          for (const s of a.required) if (!hasScope(scopes, s)) failures.push(`${where} lacks ${s}`);
          for (const s of a.forbidden) if (hasScope(scopes, s)) failures.push(`${where} has ${s}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});

describe('grammar: invariants over samples/', () => {
  const files = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith('.okr')) : [];
  it('has samples to check', function () {
    if (files.length === 0) this.skip();
  });
  for (const name of files) {
    it(name, async () => {
      const text = readFileSync(join(samples, name), 'utf8');
      const lines = await tokenize(text);
      const failures: string[] = [];
      lines.forEach((line, index) => {
        const where = `${name}:${index + 1}`;
        const lead = /^[\s\ufeff]*/.exec(line.text)![0].length;
        const rest = line.text.slice(lead);
        if (rest === '' || isAssertionLine(line.text)) return;
        if (rest.startsWith('#')) {
          for (let c = lead; c < line.text.length; c++) {
            if (!hasScope(scopesAt(line, c), 'comment.line')) failures.push(`${where}:${c} is not a comment`);
          }
          return;
        }
        const keyword = /^\S+/.exec(rest)![0].toLowerCase();
        if (KEYWORDS.includes(keyword)) {
          if (!hasScope(scopesAt(line, lead), `keyword.other.${keyword}`)) failures.push(`${where} keyword '${keyword}' not scoped`);
          for (const t of line.tokens) {
            if (t.scopes.some((s) => s.startsWith('invalid'))) failures.push(`${where}:${t.start} marked invalid`);
            // Free prose (why, task, titles) reads as plain text: themes paint strings, often red.
            const quoted = line.text[t.start] === '"' || inString(line.text, t.start);
            if (!quoted && hasScope(t.scopes, 'string')) failures.push(`${where}:${t.start} unquoted text scoped as a string`);
          }
        }
        if (['kr', 'baseline', 'target', 'checkin', 'period'].includes(keyword)) {
          for (const m of rest.matchAll(/(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w-])/g)) {
            if (!inString(line.text, lead + m.index!) && !hasScope(scopesAt(line, lead + m.index!), 'constant.numeric.date')) {
              failures.push(`${where}: date ${m[0]} not scoped`);
            }
          }
          for (const m of rest.matchAll(/(?<![\w.,])[$€£¥]\d[\d,.]*[kMB]?|(?<![\w.,])\d[\d,.]*%/g)) {
            if (!inString(line.text, lead + m.index!) && !hasScope(scopesAt(line, lead + m.index!), 'constant.numeric')) {
              failures.push(`${where}: value ${m[0]} not scoped`);
            }
          }
        }
      });
      assert.deepEqual(failures, []);
    });
  }
});

function inString(line: string, column: number): boolean {
  let quotes = 0;
  for (let i = 0; i < column; i++) if (line[i] === '"' && line[i - 1] !== '\\') quotes++;
  return quotes % 2 === 1;
}
