// Edits to `.okrrc.json` text that the editor offers ("Disable rule in .okrrc.json"). Pure: the
// caller reads and writes the file. Comments, order and the rule's options are kept.
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser/lib/esm/main.js';

/**
 * The config text with a rule turned off: `"rule": "off"`, or `["off", {options}]` when the rule
 * already carries options. Undefined when the text is not a JSON object (a person must repair it first).
 */
export function disableRuleInConfig(text: string | undefined, rule: string): string | undefined {
  const base = text && text.replace(/^\uFEFF/, '').trim() ? text : '{}\n';
  const root = parseTree(base.replace(/^\uFEFF/, ' '), [], { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') return undefined;
  const rules = findNodeAtLocation(root, ['rules']);
  if (rules && rules.type !== 'object') return undefined;
  const current = findNodeAtLocation(root, ['rules', rule]);
  const path = current?.type === 'array' && current.children?.length ? ['rules', rule, 0] : ['rules', rule];
  const edits = modify(base, path, 'off', { formattingOptions: { insertSpaces: true, tabSize: 2, eol: lineBreak(base) } });
  return applyEdits(base, edits);
}

function lineBreak(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}
