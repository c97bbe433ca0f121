// `okr check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (rules with help
// links, results with 1-based regions relative to the repository root).
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../engine/model/types';
import { ALL_RULES } from '../engine/rules';
import type { Rule } from '../engine/rules/types';
import type { FileAnalysis } from './analyze-files';

export const DOCS_BASE = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/rules/';
const LANGUAGE_DOCS = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/language.md';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity | 'off'): SarifLevel {
  if (severity === 'off') return 'none';
  return severity === 'info' ? 'note' : severity;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel; enabled: boolean };
}

function describeRule(rule: Rule): SarifRule {
  const helpUri = `${DOCS_BASE}${rule.id}.md`;
  const help = `${rule.description}\n\nWhy: ${rule.rationale}${rule.howToFix ? `\n\nHow to fix: ${rule.howToFix}` : ''}`;
  return {
    id: rule.id,
    name: camel(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    helpUri,
    help: { text: help, markdown: `${help.replace(/\n/g, '  \n')}\n\n[Rule documentation](${helpUri})` },
    defaultConfiguration: { level: level(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off' },
  };
}

const BUILT_IN: SarifRule[] = [
  {
    id: 'syntax', name: 'Syntax', shortDescription: { text: 'A line of the .okr file does not follow the language.' },
    fullDescription: { text: 'Syntax and model errors: unknown keywords, bad dates, mixed units, check-ins out of order.' },
    helpUri: LANGUAGE_DOCS, help: { text: 'See the .okr language reference.', markdown: `See the [.okr language reference](${LANGUAGE_DOCS}).` },
    defaultConfiguration: { level: 'error', enabled: true },
  },
  {
    id: 'config', name: 'Config', shortDescription: { text: 'The .okrrc.json configuration has a problem.' },
    fullDescription: { text: 'An invalid .okrrc.json entry is skipped and the defaults are used for it.' },
    helpUri: `${DOCS_BASE}README.md`, help: { text: 'See the rules documentation for the config format.', markdown: `See [the rules documentation](${DOCS_BASE}README.md).` },
    defaultConfiguration: { level: 'error', enabled: true },
  },
];

/** The SARIF log for checked files; paths are relative to `root` (the repository root for GitHub). */
export function toSarif(results: FileAnalysis[], root: string, version = '0.1.0'): object {
  const rules = [...BUILT_IN, ...ALL_RULES.map(describeRule)];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const result of results) {
    const uri = relative(root, result.file).split(sep).map(encodeSegment).join('/');
    for (const d of result.analysis?.diagnostics ?? []) sarifResults.push(sarifResult(d, uri, index));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'okr', informationUri: 'https://github.com/okr-as-code/okr-as-code', semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(root) } },
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: FileAnalysis[], root: string): string {
  return JSON.stringify(toSarif(results, root), null, 2) + '\n';
}

function sarifResult(d: Diagnostic, uri: string, index: Map<string, number>) {
  const { start, end } = d.range;
  const region = {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: Math.max(end.character + 1, end.line === start.line ? start.character + 1 : 1),
  };
  const ruleIndex = index.get(d.rule);
  return {
    ruleId: d.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: level(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
    ...(d.related?.length
      ? {
        relatedLocations: d.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: Math.max(r.range.end.character + 1, 1) },
          },
        })),
      }
      : {}),
  };
}

/** A path segment as a URI needs it: `#`, `?`, `%`, spaces and the like percent-encoded (RFC 3986). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function pathToUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function camel(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
