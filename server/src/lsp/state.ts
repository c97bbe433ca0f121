// What the server knows: open documents, settings, and one analysis per document version.
import { fileURLToPath } from 'node:url';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import type { LineDocument } from './line-document';
import { analyzeText, type Analysis } from '../engine/analyze';
import { todayIso } from '../engine/dates';
import { decodeOkrBytes } from '../engine/encoding';
import { declineIfUnfit, utf8Length } from '../engine/limits';
import { readRegularFileSync } from '../node/read-file';
import type { Diagnostic } from '../engine/model/types';
import { DEFAULT_CONFIG } from '../engine/rules';
import type { EngineConfig, RuleConfigEntry } from '../engine/rules/types';
import { checkedDocuments } from './document-sync';
import { ProjectConfigs } from './project-config';
import { DEFAULT_SETTINGS, type ClientSettings } from './settings';

export interface Analyzed {
  kind: 'analyzed';
  uri: string;
  version: number;
  analysis: Analysis;
  /** The source lines without their breaks. */
  lines: string[];
}

/** Over the size limit: one diagnostic says so (the engine's, as the CLI prints it). */
export interface Declined {
  kind: 'declined';
  uri: string;
  version: number;
  diagnostic: Diagnostic;
}

export class ServerState {
  readonly documents = new TextDocuments(checkedDocuments((message) => this.connection.console.error(message)));
  settings: ClientSettings = DEFAULT_SETTINGS;
  readonly projectConfigs = new ProjectConfigs();
  private cache = new Map<string, { stamp: string; result: Analyzed | Declined }>();
  /** Bumped when settings or config files change, so that cached analyses are redone. */
  private generation = 0;

  constructor(readonly connection: Connection) {}

  /** Changes when cached analyses are redone (settings, config files). */
  generationKey(): string {
    return `${this.generation}|${this.asOf()}`;
  }

  asOf(): string {
    return this.settings.today || todayIso();
  }

  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.projectConfigs.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The engine configuration for a document: defaults, then the client's settings, then `.okrrc.json`. */
  configFor(uri: string): EngineConfig {
    const rules: Record<string, RuleConfigEntry> = {};
    for (const [id, entry] of Object.entries(DEFAULT_CONFIG.rules)) rules[id] = { ...entry };
    for (const [id, severity] of Object.entries(this.settings.rules)) {
      rules[id] = { severity, options: rules[id]?.options ?? {} };
    }
    const base: EngineConfig = { rules, thresholds: this.settings.thresholds };
    return this.projectConfigs.forFile(filePath(uri)).apply(base);
  }

  /** The analysis of an open document's current version (parsed once per version). */
  analyze(uri: string): Analyzed | Declined | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    return this.analyzeDocument(document);
  }

  analyzeDocument(document: LineDocument): Analyzed | Declined {
    const asOf = this.asOf();
    const stamp = `${document.version}|${this.generation}|${asOf}`;
    const cached = this.cache.get(document.uri);
    if (cached && cached.stamp === stamp) return cached.result;
    const text = document.getText();
    let result: Analyzed | Declined;
    const declined = declineIfUnfit(text, this.settings.maxDocumentSize)?.diagnostic ?? notUtf8OnDisk(document.uri, text);
    if (declined) {
      result = { kind: 'declined', uri: document.uri, version: document.version, diagnostic: declined };
    } else {
      // The rules across files run in the server, with the whole workspace (server.ts).
      const analysis = analyzeText(text, { config: this.configFor(document.uri), asOf, maxDocumentSize: this.settings.maxDocumentSize, workspace: null, uri: document.uri });
      result = { kind: 'analyzed', uri: document.uri, version: document.version, analysis, lines: text.split(/\r\n|\r|\n/) };
    }
    this.cache.set(document.uri, { stamp, result });
    return result;
  }

  /** The analysis when there is one to work with (open and not declined). */
  analyzed(uri: string): Analyzed | undefined {
    const result = this.analyze(uri);
    return result?.kind === 'analyzed' ? result : undefined;
  }
}

/**
 * The editor decodes a file that is not UTF-8 with U+FFFD in place of the bad bytes. When the
 * text shows U+FFFD and is exactly that decoding of the file on disk, the document gets the
 * CLI's error for the file (its first bad byte) instead of being checked as if it were text.
 */
function notUtf8OnDisk(uri: string, text: string): Diagnostic | undefined {
  const path = text.includes('\ufffd') ? filePath(uri) : undefined;
  if (!path) return undefined;
  const read = readRegularFileSync(path, utf8Length(text) + 3);
  if (!read.ok) return undefined;
  const decoded = decodeOkrBytes(read.bytes);
  if (decoded.ok || !decoded.diagnostic) return undefined;
  const bom = read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf ? 3 : 0;
  return read.bytes.subarray(bom).toString('utf8') === text ? decoded.diagnostic : undefined;
}

/** File system path of a `file:` URI, else undefined. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
