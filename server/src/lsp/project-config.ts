// `.okrrc.json` for a document: the nearest one upward from the document (as the CLI finds
// it), laid over the editor's settings. Cached per folder; forgotten when a config file changes.
import { dirname, sep } from 'node:path';
import { applyOverrides } from '../engine/config';
import type { Diagnostic } from '../engine/model/types';
import type { EngineConfig } from '../engine/rules/types';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/config-file';

export interface ProjectConfig {
  /** The file found, if any. */
  file?: string;
  /** Applies the file's settings on top of `base`. */
  apply(base: EngineConfig): EngineConfig;
  /** Problems in the file, with positions in it. */
  problems: Diagnostic[];
}

const NONE: ProjectConfig = { apply: (base) => base, problems: [] };

export class ProjectConfigs {
  /** The workspace folders: the search for a config stops at the one holding the document. */
  roots: string[] = [];
  private byFolder = new Map<string, ProjectConfig>();
  private byFile = new Map<string, ProjectConfig>();

  /** `path` is a file system path of an .okr file, or undefined for untitled documents. */
  forFile(path: string | undefined): ProjectConfig {
    if (!path) return NONE;
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.load(path);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private load(path: string): ProjectConfig {
    let file: string | undefined;
    try {
      const root = this.roots.filter((r) => path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0];
      file = findConfigFile(path, root);
    } catch {
      return NONE;
    }
    if (!file) return NONE;
    let config = this.byFile.get(file);
    if (!config) {
      const loaded: LoadedConfig = loadConfigFile(file);
      config = { file, apply: (base) => applyOverrides(base, loaded.overrides), problems: loaded.diagnostics };
      this.byFile.set(file, config);
    }
    return config;
  }

  /** Every config file in use, with its problems (to publish on it). */
  files(): ProjectConfig[] {
    return [...this.byFile.values()];
  }

  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }
}
