// Small device preferences. Not synced: they belong to this phone.
import type { LotseDb } from './database';

export type Settings = {
  language: string | null;
  /** Whether navigator.storage.persist() has been asked for already. */
  persistenceRequested: boolean;
  volunteerName: string;
};

const DEFAULTS: Settings = { language: null, persistenceRequested: false, volunteerName: '' };

export type SettingsRepository = {
  get<K extends keyof Settings>(key: K): Promise<Settings[K]>;
  set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>;
};

export function createSettingsRepository(db: LotseDb): SettingsRepository {
  return {
    async get(key) {
      const entry = await db.settings.get(key);
      return (entry?.value ?? DEFAULTS[key]) as Settings[typeof key];
    },
    async set(key, value) {
      await db.settings.put({ key, value });
    },
  };
}
