// What the server knows: open documents, settings, and one analysis per document version.
import { fileURLToPath } from 'node:url';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type Analysis } from '../engine/analyze';
import { todayIso } from '../engine/dates';
import { declineIfTooLarge } from '../engine/limits';
import type { Diagnostic } from '../engine/model/types';
import { DEFAULT_CONFIG } from '../engine/rules';
import type { EngineConfig, RuleConfigEntry } from '../engine/rules/types';
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
  readonly documents = new TextDocuments(TextDocument);
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

  analyzeDocument(document: TextDocument): Analyzed | Declined {
    const asOf = this.asOf();
    const stamp = `${document.version}|${this.generation}|${asOf}`;
    const cached = this.cache.get(document.uri);
    if (cached && cached.stamp === stamp) return cached.result;
    const text = document.getText();
    let result: Analyzed | Declined;
    const declined = declineIfTooLarge(text, this.settings.maxDocumentSize);
    if (declined) {
      result = { kind: 'declined', uri: document.uri, version: document.version, diagnostic: declined.diagnostic };
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

/** File system path of a `file:` URI, else undefined. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
