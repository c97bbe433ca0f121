// `.okrrc.json` text → engine configuration, with a positioned diagnostic for every problem.
// Pure: the caller reads the file. Whatever is wrong is skipped and the defaults stay in force.
//
// {
//   "rules": { "kr-task": "error", "objective-max-krs": ["warning", { "max": 4 }], "kr-kpi-like": "off" },
//   "status": { "onTrack": 0.1, "atRisk": 0.25 }
// }
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { Diagnostic, Range } from './model/types';
import { positionFinder } from './fixes/edits';
import { ALL_RULES, DEFAULT_CONFIG, ruleById } from './rules';
import { closestWord } from './edit-distance';
import type { EngineConfig, RuleConfigEntry, RuleSeverity } from './rules/types';
import type { StatusThresholds } from './progress/types';

export const CONFIG_FILE_NAME = '.okrrc.json';

/** Only what the file sets, to lay over another base (the editor's own settings). */
export interface ConfigOverrides {
  rules: Record<string, RuleConfigEntry>;
  thresholds?: Partial<StatusThresholds>;
}

export interface ConfigResult {
  /** The defaults with the file's settings applied. */
  config: EngineConfig;
  overrides: ConfigOverrides;
  /** Problems in the config text (rule `config`), with LSP ranges in that text. */
  diagnostics: Diagnostic[];
}

const SEVERITIES: RuleSeverity[] = ['error', 'warning', 'info', 'off'];

export function parseConfig(text: string): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const at = positions(text);
  const problem = (offset: number, length: number, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ rule: 'config', severity, message, range: at.range(offset, length) });

  const config: EngineConfig = {
    rules: Object.fromEntries(Object.entries(DEFAULT_CONFIG.rules).map(([id, e]) => [id, { severity: e.severity, options: { ...e.options } }])),
    thresholds: { ...DEFAULT_CONFIG.thresholds },
  };

  const overrides: ConfigOverrides = { rules: {} };
  if (!text.replace(/^\uFEFF/, '').trim()) {
    problem(0, 0, 'the config file is empty: write an object such as {"rules": {}}', 'warning');
    return { config, overrides, diagnostics };
  }
  const deep = tooDeep(text);
  if (deep >= 0) {
    problem(deep, 1, `the config nests deeper than ${MAX_NESTING} levels; it is not read (the defaults apply)`);
    return { config, overrides, diagnostics };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problem(e.offset, Math.max(e.length, 1), `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`);
  if (!root) {
    if (!errors.length) problem(0, 0, 'the config file is empty: write an object such as {"rules": {}}');
    return { config, overrides, diagnostics };
  }
  if (root.type !== 'object') {
    problem(root.offset, root.length, 'the config must be a JSON object such as {"rules": {"kr-task": "error"}}');
    return { config, overrides, diagnostics };
  }

  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    if (key === 'rules') readRules(valueNode, config, overrides, problem);
    else if (key === 'status') readStatus(valueNode, config, overrides, problem);
    else if (key === '$schema') continue;
    else problem(keyNode.offset, keyNode.length, `unknown setting '${key}': the config knows "rules" and "status"`, 'warning');
  }
  return { config, overrides, diagnostics };
}

/** Far deeper than any real config; the JSON parser recurses per level and would overflow the stack. */
const MAX_NESTING = 64;

/** Offset of the bracket that opens level MAX_NESTING + 1, outside strings and comments; -1 if none. */
function tooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) return i;
    } else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
  }
  return -1;
}

type Problem = (offset: number, length: number, message: string, severity?: Diagnostic['severity']) => void;

function readRules(node: Node | undefined, config: EngineConfig, overrides: ConfigOverrides, problem: Problem): void {
  if (!node) return;
  if (node.type !== 'object') {
    problem(node.offset, node.length, '"rules" must be an object of rule ids, e.g. {"kr-task": "error"}');
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    const rule = ruleById(id);
    if (!rule) {
      const near = closestWord(id.toLowerCase(), ALL_RULES.map((rule) => rule.id));
      problem(keyNode.offset, keyNode.length, `unknown rule '${id}'${near ? ` — did you mean '${near}'?` : ''}`, 'warning');
      continue;
    }
    const entry = readEntry(id, valueNode, rule.defaultOptions ?? {}, problem);
    if (!entry) continue;
    config.rules[id] = { severity: entry.severity, options: { ...(rule.defaultOptions ?? {}), ...entry.options } };
    overrides.rules[id] = entry;
  }
}

function readEntry(id: string, node: Node, defaults: Record<string, unknown>, problem: Problem): RuleConfigEntry | undefined {
  const severityOf = (n: Node | undefined): RuleSeverity | undefined => {
    if (n && n.type === 'string' && SEVERITIES.includes(n.value as RuleSeverity)) return n.value as RuleSeverity;
    const shown = n ? JSON.stringify(getNodeValue(n)) : 'nothing';
    if (n) problem(n.offset, n.length, `'${id}': the severity must be "error", "warning", "info" or "off", not ${shown}`);
    return undefined;
  };
  if (node.type === 'string') {
    const severity = severityOf(node);
    return severity ? { severity, options: {} } : undefined;
  }
  if (node.type === 'array') {
    const [severityNode, optionsNode, ...extra] = node.children ?? [];
    if (!severityNode) {
      problem(node.offset, node.length, `'${id}': write ["warning", {options}] with a severity first`);
      return undefined;
    }
    const severity = severityOf(severityNode);
    if (!severity) return undefined;
    for (const e of extra) problem(e.offset, e.length, `'${id}': only a severity and one options object are expected`, 'warning');
    const options: Record<string, unknown> = {};
    if (optionsNode) {
      if (optionsNode.type !== 'object') {
        problem(optionsNode.offset, optionsNode.length, `'${id}': options must be an object such as {"max": 4}`);
        return { severity, options };
      }
      for (const property of optionsNode.children ?? []) {
        const [k, v] = property.children ?? [];
        if (!k || !v) continue;
        const name = String(k.value);
        if (!(name in defaults)) {
          const known = Object.keys(defaults);
          problem(k.offset, k.length, `'${id}' has no option '${name}'${known.length ? ` (it knows: ${known.join(', ')})` : ' (it takes no options)'}`, 'warning');
          continue;
        }
        const value = getNodeValue(v) as unknown;
        if (typeof defaults[name] === 'number' && (typeof value !== 'number' || !(value >= 0))) {
          problem(v.offset, v.length, `'${id}': option '${name}' must be a number of 0 or more, not ${JSON.stringify(value)}`);
          continue;
        }
        options[name] = value;
      }
    }
    return { severity, options };
  }
  problem(node.offset, node.length, `'${id}': write a severity ("error", "warning", "info", "off") or ["warning", {options}]`);
  return undefined;
}

function readStatus(node: Node | undefined, config: EngineConfig, overrides: ConfigOverrides, problem: Problem): void {
  if (!node) return;
  if (node.type !== 'object') {
    problem(node.offset, node.length, '"status" must be an object such as {"onTrack": 0.1, "atRisk": 0.25}');
    return;
  }
  const read = (name: 'onTrack' | 'atRisk'): number | undefined => {
    const n = findNodeAtLocation(node, [name]);
    if (!n) return undefined;
    const value = getNodeValue(n) as unknown;
    if (typeof value !== 'number' || value < 0 || value > 1) {
      problem(n.offset, n.length, `"status.${name}" must be a fraction between 0 and 1 (0.1 means 10 points behind), not ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  };
  for (const property of node.children ?? []) {
    const k = property.children?.[0];
    if (k && k.value !== 'onTrack' && k.value !== 'atRisk') problem(k.offset, k.length, `unknown status setting '${String(k.value)}': use "onTrack" and "atRisk"`, 'warning');
  }
  const onTrack = read('onTrack') ?? config.thresholds.onTrack;
  const atRisk = read('atRisk') ?? config.thresholds.atRisk;
  if (onTrack > atRisk) {
    problem(node.offset, node.length, `"status.onTrack" (${onTrack}) must not be above "status.atRisk" (${atRisk}); the defaults are kept`);
    return;
  }
  config.thresholds = { onTrack, atRisk };
  overrides.thresholds = { onTrack, atRisk };
}

/** Lays a file's settings over a base configuration (options merge, severities replace). */
export function applyOverrides(base: EngineConfig, overrides: ConfigOverrides): EngineConfig {
  const rules: Record<string, RuleConfigEntry> = { ...base.rules };
  for (const [id, entry] of Object.entries(overrides.rules)) {
    rules[id] = { severity: entry.severity, options: { ...(base.rules[id]?.options ?? {}), ...entry.options } };
  }
  return { rules, thresholds: { ...base.thresholds, ...(overrides.thresholds ?? {}) } };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'bad number', PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value', ColonExpected: "expected ':'", CommaExpected: "expected ','", CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'", EndOfFileExpected: 'expected the end of the file', InvalidCommentToken: 'bad comment',
    UnexpectedEndOfComment: 'unfinished comment', UnexpectedEndOfString: 'unfinished string', UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'bad unicode escape', InvalidEscapeCharacter: 'bad escape character', InvalidCharacter: 'bad character in string',
  };
  return words[code] ?? code;
}

/** Offsets → LSP positions (0-based line, UTF-16 character) for a text. */
function positions(text: string): { range(offset: number, length: number): Range } {
  const position = positionFinder(text);
  return { range: (offset, length) => ({ start: position(offset), end: position(offset + length) }) };
}
