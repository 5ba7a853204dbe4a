// Asks the browser to keep Lotse's data (navigator.storage.persist) once, when the
// first case is created — asking earlier, on an empty app, is refused more often.
import type { SettingsRepository } from '../db/settings-repository';
import { requestPersistence } from '../db/storage-state';

export async function askForPersistenceOnce(settings: SettingsRepository): Promise<void> {
  try {
    if (await settings.get('persistenceRequested')) return;
    await settings.set('persistenceRequested', true);
    await requestPersistence();
  } catch {
    // Not being able to ask is not an error the user can act on; Settings shows the state.
  }
}
