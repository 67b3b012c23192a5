/**
 * The rep's settings and checklist as the worker uses them: read on nearly every message,
 * so kept in memory until the rep saves new ones, an import or erase replaces them, or the
 * worker stops. A failed read is not kept: the next message reads again.
 */
import type { ChecklistItem } from '../checklist/items';
import type { Settings } from '../checklist/settings';

export interface Config {
  settings: Settings;
  checklist: ChecklistItem[];
}

export interface ConfigCache {
  load(): Promise<Config>;
  /** What was just saved: no need to read it back. */
  set(config: Config): void;
  /** After the database was replaced or erased. */
  forget(): void;
}

/** `first`: settings already being read at the worker's start (Repository.ensureSeeded). */
export function createConfigCache(read: () => Promise<Config>, first?: Promise<Config>): ConfigCache {
  let config: Promise<Config> | null = first ?? null;
  return {
    load() {
      const pending = (config ??= read());
      pending.catch(() => {
        if (config === pending) config = null;
      });
      return pending;
    },
    set(saved) {
      config = Promise.resolve(saved);
    },
    forget() {
      config = null;
    },
  };
}
