// Every .okr file of the workspace folders, parsed once per change on disk, for the tree
// and the report. Open documents (saved or not, untitled too) are taken from the editor.
import { promises as fs, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { computeProgress } from '../engine/progress';
import { parseDocument } from '../engine/parser';
import type { OkrDocument } from '../engine/model/types';
import type { DocumentProgress } from '../engine/progress/types';
import type { TreeSource } from '../engine/tree';
import { Workspace, type WorkspaceSource } from '../engine/workspace/model';
import { declineIfBinary, tooLargeMessage } from '../engine/limits';
import { decodeOkrBytes } from '../engine/encoding';
import { readRegularFile } from '../node/read-file';
import { filePath, type ServerState } from './state';

interface IndexedFile {
  uri: string;
  text: string;
  doc: OkrDocument;
  /** Progress as of a date and settings (`stamp`), kept until either changes. */
  progress?: { stamp: string; value: DocumentProgress };
}

/** A file left out as the CLI declines it (not UTF-8, a NUL byte, over the size limit), with check's message. */
interface DeclinedFile {
  uri: string;
  declined: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);
const READ_CONCURRENCY = 16;
const RETRIES = 8;

function outOfDescriptors(code: string | undefined): boolean {
  return code === 'EMFILE' || code === 'ENFILE';
}

/** Waits a little longer at each attempt (10 ms, 20 ms, … 1.3 s) for descriptors to be freed. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
}

export class WorkspaceIndex {
  private files = new Map<string, IndexedFile>();
  /** Files left out, by URI: the report names them rather than dropping them silently. */
  private declinedFiles = new Map<string, string>();
  /** Bumped whenever the files on disk change, so that the workspace model is rebuilt. */
  private diskGeneration = 0;
  /** The last model, with what it was built from: disk and settings (`base`) and open documents' versions. */
  private model?: { base: string; versions: Map<string, number>; workspace: Workspace };
  /** True once the first scan is done: until then ids in other files are not known yet. */
  scanned = false;
  private scanning: Promise<void>;
  private firstScanDone!: () => void;
  private roots: string[] = [];

  /** The workspace folders (paths); the config search stops at them too. */
  get folders(): string[] {
    return this.roots;
  }

  set folders(folders: string[]) {
    this.roots = folders;
    this.state.projectConfigs.roots = folders;
    this.state.projectConfigs.clear();
  }

  constructor(private readonly state: ServerState) {
    // Until the first scan (after `initialized`), requests for the tree wait for it.
    this.scanning = new Promise((resolve) => (this.firstScanDone = resolve));
  }

  /** Reads every .okr file under the folders (file system paths). */
  scan(folders: string[]): Promise<void> {
    this.folders = folders;
    const done = this.firstScanDone;
    this.scanning = (async () => {
      const paths: string[] = [];
      const unreadFolders: string[] = [];
      for (const folder of folders) await this.walk(folder, paths, unreadFolders);
      const found = new Map<string, IndexedFile>();
      const declined = new Map<string, string>();
      const unread: string[] = [];
      // A few files at a time: thousands of parallel reads would run out of file descriptors.
      let next = 0;
      const worker = async () => {
        while (next < paths.length) {
          const path = paths[next++];
          const file = await this.read(path, unread);
          if (file && 'declined' in file) declined.set(file.uri, file.declined);
          else if (file) found.set(file.uri, file);
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
      this.files = found;
      this.declinedFiles = declined;
      this.diskGeneration++;
      this.scanned = true;
      this.reportUnread(unreadFolders, unread);
    })()
      .catch((error) => console.error(`indexing failed: ${String(error)}`))
      .finally(done);
    this.firstScanDone = () => undefined;
    return this.scanning;
  }

  ready(): Promise<void> {
    return this.scanning;
  }

  /** Never a silent loss: what could not be read for lack of resources is named in the log. */
  private reportUnread(folders: string[], files: string[]): void {
    const all = [...folders.map((f) => `${f}/`), ...files];
    if (all.length) this.state.connection.console.warn(`indexing: ${all.length} paths could not be read (out of file descriptors?), left out of the tree: ${all.slice(0, 10).join(', ')}${all.length > 10 ? ', …' : ''}`);
  }

  /** Collects the .okr files under `dir`; folders that stay unreadable for lack of descriptors go to `unread`. */
  private async walk(dir: string, into: string[], unread: string[]): Promise<void> {
    let entries: Dirent[] | undefined;
    for (let attempt = 0; !entries; attempt++) {
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (!outOfDescriptors((error as NodeJS.ErrnoException).code)) return;
        if (attempt === RETRIES) return void unread.push(dir);
        await pause(attempt);
      }
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await this.walk(path, into, unread);
      } else if (entry.isFile() && entry.name.endsWith('.okr')) {
        into.push(path);
      }
    }
  }

  /**
   * A file as the CLI reads it: regular files only (a pipe named x.okr must not stall the index),
   * at most maxDocumentSize bytes, UTF-8 text only (a file in another encoding or with a NUL byte is
   * left out, as the CLI declines it, rather than indexed with U+FFFD in place of its bytes).
   * Out of file descriptors (EMFILE), it waits and tries again; if that never works, `unread` gets it.
   */
  private async read(path: string, unread?: string[]): Promise<IndexedFile | DeclinedFile | undefined> {
    const uri = pathToFileURL(path).href;
    const limit = this.state.settings.maxDocumentSize;
    try {
      let read = await readRegularFile(path, limit);
      for (let attempt = 0; !read.ok && outOfDescriptors(read.code) && attempt < RETRIES; attempt++) {
        await pause(attempt);
        read = await readRegularFile(path, limit);
      }
      if (!read.ok) {
        if (outOfDescriptors(read.code)) unread?.push(path);
        const size = read.tooLarge ? (await fs.stat(path).catch(() => undefined))?.size : undefined;
        return size !== undefined && size > limit ? { uri, declined: tooLargeMessage(size, limit) } : undefined;
      }
      const decoded = decodeOkrBytes(read.bytes);
      if (!decoded.ok) return { uri, declined: decoded.diagnostic?.message ?? `This file is not checked: it ${decoded.reason}.` };
      const binary = declineIfBinary(decoded.text);
      if (binary) return { uri, declined: binary.diagnostic.message };
      return { uri, text: decoded.text, doc: parseDocument(decoded.text) };
    } catch {
      return undefined;
    }
  }

  /** A file was created or changed on disk; requests for the tree wait for it. */
  update(uri: string): Promise<void> {
    this.scanning = this.scanning.then(async () => {
      const path = filePath(uri);
      if (!path || !this.inFolders(path)) return;
      const file = await this.read(path);
      const key = keyOf(uri, this.files);
      this.declinedFiles.delete(key);
      if (file && 'declined' in file) this.declinedFiles.set(key, file.declined);
      if (file && !('declined' in file)) this.files.set(key, { ...file, uri: key });
      else this.files.delete(key);
      this.diskGeneration++;
    }).catch((error) => console.error(`indexing ${uri} failed: ${String(error)}`));
    return this.scanning;
  }

  delete(uri: string): void {
    this.files.delete(keyOf(uri, this.files));
    this.declinedFiles.delete(keyOf(uri, this.files));
    this.diskGeneration++;
  }

  private inFolders(path: string): boolean {
    return this.folders.length === 0 || this.folders.some((f) => path === f || path.startsWith(f.endsWith('/') ? f : f + '/'));
  }

  get size(): number {
    return this.files.size;
  }

  /** Open documents as edited, keyed by the file they edit (or their own URI). */
  private openSources(): Map<string, TreeSource> {
    const open = new Map<string, TreeSource>();
    for (const document of this.state.documents.all()) {
      if (document.languageId !== 'okr' && !document.uri.endsWith('.okr')) continue;
      const analyzed = this.state.analyzed(document.uri);
      if (!analyzed) continue;
      const disk = this.files.get(keyOf(document.uri, this.files));
      const unsaved = !disk || disk.text !== analyzed.analysis.text;
      open.set(disk?.uri ?? document.uri, { uri: document.uri, doc: analyzed.analysis.doc, progress: analyzed.analysis.progress, unsaved });
    }
    return open;
  }

  /**
   * The workspace model for alignment: open documents as edited (saved or not), the other files as
   * on disk. Rebuilt only when a document's version or a file on disk changed.
   */
  workspace(): Workspace {
    const open = this.state.documents.all().map((d) => ({ uri: d.uri, version: d.version }));
    const base = `${this.diskGeneration}|${this.state.generationKey()}|${open.map((d) => d.uri).join('|')}`;
    const versions = new Map(open.map((d) => [d.uri, d.version]));
    const model = this.model;
    if (model && model.base === base) {
      const changed = open.filter((d) => model.versions.get(d.uri) !== d.version);
      if (changed.length === 0) return model.workspace;
      // Typing in one document: replace that file only, the other files' nodes are kept.
      if (changed.length === 1) {
        const analyzed = this.state.analyzed(changed[0].uri);
        const disk = this.files.get(keyOf(changed[0].uri, this.files));
        if (analyzed && (!disk || disk.uri === changed[0].uri)) {
          const workspace = model.workspace.replaced({ uri: changed[0].uri, doc: analyzed.analysis.doc, progress: analyzed.analysis.progress });
          this.model = { base, versions, workspace };
          return workspace;
        }
      }
    }
    const sources: WorkspaceSource[] = [];
    const opened = this.openSources();
    sources.push(...opened.values());
    for (const file of this.files.values()) if (!opened.has(file.uri)) sources.push({ uri: file.uri, doc: file.doc });
    const workspace = new Workspace(sources);
    this.model = { base, versions, workspace };
    return workspace;
  }

  /** Files left out of the tree as the CLI declines them, with the message check gives each: open documents as edited, the others as on disk. */
  declined(): DeclinedFile[] {
    const declined = new Map(this.declinedFiles);
    for (const [key, message] of this.openVerdicts()) {
      if (message === undefined) declined.delete(key);
      else declined.set(key, message);
    }
    return [...declined].map(([uri, message]) => ({ uri, declined: message }));
  }

  /** Each open .okr document by its index key: check's message when declined as edited, else undefined. */
  private openVerdicts(): Map<string, string | undefined> {
    const verdicts = new Map<string, string | undefined>();
    for (const document of this.state.documents.all()) {
      if (document.languageId !== 'okr' && !document.uri.endsWith('.okr')) continue;
      const result = this.state.analyze(document.uri);
      verdicts.set(keyOf(document.uri, this.files), result?.kind === 'declined' ? result.diagnostic.message : undefined);
    }
    return verdicts;
  }

  /** Every file to show: open documents as edited, the others as on disk. */
  sources(): TreeSource[] {
    const asOf = this.state.asOf();
    const out: TreeSource[] = [];
    const open = this.openSources();
    const verdicts = this.openVerdicts();
    for (const file of this.files.values()) {
      const edited = open.get(file.uri);
      if (edited) continue;
      // Open and declined as edited: listed by declined(), not shown as the file on disk as well.
      if (verdicts.get(file.uri) !== undefined) continue;
      const thresholds = this.state.configFor(file.uri).thresholds;
      const stamp = `${asOf}|${thresholds.onTrack}|${thresholds.atRisk}`;
      if (file.progress?.stamp !== stamp) file.progress = { stamp, value: computeProgress(file.doc, { asOf, thresholds }) };
      out.push({ uri: file.uri, doc: file.doc, progress: file.progress.value });
    }
    out.push(...open.values());
    return out;
  }
}

/** The index's key for a URI that may be spelled differently (percent-encoding) by the client. */
function keyOf(uri: string, files: Map<string, IndexedFile>): string {
  if (files.has(uri)) return uri;
  const path = filePath(uri);
  return path ? pathToFileURL(path).href : uri;
}
