// `.okrrc.json` for a document: found from the document's folder upward, cached per folder,
// forgotten when a config file changes on disk.
import { dirname } from 'node:path';
import type { EngineConfig } from '../engine/rules/types';

export interface ProjectConfig {
  /** The file found, if any. */
  file?: string;
  /** Applies the file's settings on top of `base`. */
  apply(base: EngineConfig): EngineConfig;
  /** Problems in the file, with positions, to show on it. */
  problems: { message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

const NONE: ProjectConfig = { apply: (base) => base, problems: [] };

export class ProjectConfigs {
  private byFolder = new Map<string, ProjectConfig>();

  /** `path` is a file system path of an .okr file, or undefined for untitled documents. */
  forFile(path: string | undefined): ProjectConfig {
    if (!path) return NONE;
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = loadProjectConfig(path);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

function loadProjectConfig(_path: string): ProjectConfig {
  return NONE;
}
