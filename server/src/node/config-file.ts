// Finds and loads `.okrrc.json` for a checked file (nearest one upward, like .markdownlint.json).
// Used by the CLI and the language server; the engine itself never touches the file system.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type ConfigResult } from '../engine/config';
import type { Diagnostic } from '../engine/model/types';
import { DEFAULT_CONFIG } from '../engine/rules';
import type { EngineConfig } from '../engine/rules/types';
import { readRegularFileSync } from './read-file';

/**
 * The nearest `.okrrc.json` from a file (or folder) upward, or undefined. The search ends at
 * `stopAt` (the workspace folder) and at the root of a repository (a folder holding .git), so a
 * stray config above a checkout never applies to it.
 */
export function findConfigFile(from: string, stopAt?: string): string | undefined {
  let dir = resolve(from);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === stop || existsSync(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig extends ConfigResult {
  /** The config file used, when there is one. */
  path?: string;
  /** Its text, for editors that show the diagnostics. */
  text?: string;
}

/** Reads and parses one config file; an unreadable file gives a diagnostic and the defaults. */
export function loadConfigFile(path: string): LoadedConfig {
  // A config is small: a pipe or a huge file named .okrrc.json is refused, never waited on.
  const read = readRegularFileSync(path, 1024 * 1024);
  if (!read.ok) {
    const diagnostic: Diagnostic = {
      rule: 'config', severity: 'error', message: `cannot read the config file: ${read.reason === 'does not exist' ? 'no such file' : read.reason}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    return { path, config: DEFAULT_CONFIG, overrides: { rules: {} }, diagnostics: [diagnostic] };
  }
  const text = read.bytes.toString('utf8');
  return { path, text, ...parseConfig(text) };
}

/**
 * Loads configs for many files with a cache: each config file is read once. With an explicit
 * path (`--config`), every file uses that one.
 */
export class ConfigLoader {
  private readonly cache = new Map<string, LoadedConfig>();

  constructor(private readonly explicitPath?: string) {}

  /** The loaded config that applies to a file. */
  forFile(file: string): LoadedConfig {
    const path = this.explicitPath ? resolve(this.explicitPath) : findConfigFile(file);
    if (!path) return { config: DEFAULT_CONFIG, overrides: { rules: {} }, diagnostics: [] };
    let loaded = this.cache.get(path);
    if (!loaded) {
      loaded = loadConfigFile(path);
      this.cache.set(path, loaded);
    }
    return loaded;
  }

  configFor(file: string): EngineConfig {
    return this.forFile(file).config;
  }

  /** Every config file loaded so far that has problems. */
  problems(): LoadedConfig[] {
    return [...this.cache.values()].filter((c) => c.diagnostics.length > 0);
  }

  /** Forgets cached files (the language server calls it when a config file changes). */
  clear(): void {
    this.cache.clear();
  }
}
