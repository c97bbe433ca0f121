// Loads syntaxes/okr.tmLanguage.json into vscode-textmate (with the real Oniguruma WASM,
// as VS Code does) and tokenizes text line by line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..');

export interface LineTokens {
  text: string;
  tokens: { start: number; end: number; scopes: string[] }[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

export function loadOkrGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== 'source.okr') return null;
        const path = join(root, 'syntaxes', 'okr.tmLanguage.json');
        return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
    const grammar = await registry.loadGrammar('source.okr');
    if (!grammar) throw new Error('the OKR grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

export async function tokenize(text: string): Promise<LineTokens[]> {
  const grammar = await loadOkrGrammar();
  let stack = textmate.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    out.push({
      text: line,
      tokens: result.tokens.map((t, i) => ({
        start: t.startIndex,
        end: i + 1 < result.tokens.length ? result.tokens[i + 1].startIndex : Math.max(line.length, t.startIndex),
        scopes: t.scopes,
      })),
    });
  }
  return out;
}

/** Scopes of the token covering `character` on a tokenized line. */
export function scopesAt(line: LineTokens, character: number): string[] {
  const token = line.tokens.find((t) => t.start <= character && character < t.end);
  return token ? token.scopes : [];
}

/** Whether `scopes` holds `selector` or a more specific scope under it (`constant.numeric` matches `constant.numeric.date.okr`). */
export function hasScope(scopes: string[], selector: string): boolean {
  return scopes.some((s) => s === selector || s.startsWith(selector + '.'));
}
