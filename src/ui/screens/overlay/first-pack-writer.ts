// Storing the pack of a flat form's edition before it exists: the first change adds it, later
// changes (clicks while the add runs, or before the live query switches the screen to the
// stored pack) save the newest pack under the id the add returned. Never a second add: that
// would overwrite the pack with an older one and lose a box.
import type { PackStore } from '../../../db/pack-repository';
import type { FormPack } from '../../../domain/form-packs';
import type { SaveErrorCode } from '../../hooks/use-autosave-schedule';
import { checkedPack } from '../packs/pack-problems';

export type FirstPackWriter = {
  /** Records the newest pack and writes it; resolves when nothing newer waits. */
  change(next: FormPack): Promise<void>;
};

export type WriterEvents = {
  /** A write failed; `isAdded` says whether the pack is stored at all yet. */
  onFailure(code: SaveErrorCode, isAdded: boolean): void;
  /** Writes are running (true) or nothing waits any more (false). The screen keeps this
   * editor until then: the stored-pack editor loads the pack once, so it must not load an
   * older version while a newer one is still being written. */
  onBusy?(isBusy: boolean): void;
};

export function firstPackWriter(
  store: Pick<PackStore, 'add' | 'save'>,
  initial: FormPack,
  events: WriterEvents,
): FirstPackWriter {
  let pending = initial;
  let written = initial;
  let id: string | null = null;
  let running: Promise<void> | null = null;

  const run = async () => {
    while (pending !== written) {
      const next = pending;
      const checked = checkedPack(next);
      const result = !checked
        ? ({ ok: false, code: 'pack-invalid' } as const)
        : id === null
          ? await store.add(checked)
          : await store.save(id, checked);
      if (!result.ok) {
        events.onFailure(result.code, id !== null);
        return;
      }
      id = result.value.id;
      written = next;
    }
  };

  return {
    change(next) {
      pending = next;
      if (!running) {
        events.onBusy?.(true);
        running = run().finally(() => {
          running = null;
          events.onBusy?.(false);
        });
      }
      return running;
    },
  };
}
