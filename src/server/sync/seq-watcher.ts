// Wakes long-polls when their team's sequence number passes the client's cursor. One timer per
// process reads the seq of every team someone waits on in a single query, so a push through
// another instance is seen within one poll interval; pushes through this instance wake at once.
export type SeqWatcher = {
  /** Resolves to the team's seq once it differs from `after`, or null on timeout or abort. */
  wait: (
    teamId: string,
    after: number,
    timeoutMs: number,
    signal: AbortSignal,
  ) => Promise<number | null>;
  notify: (teamId: string, seq: number) => void;
  close: () => void;
};

type Waiter = { after: number; done: (seq: number | null) => void };

export function createSeqWatcher(
  readSeqs: (teamIds: readonly string[]) => Promise<Map<string, number>>,
  intervalMs: number,
): SeqWatcher {
  const waiters = new Map<string, Set<Waiter>>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const wake = (teamId: string, seq: number): void => {
    for (const waiter of waiters.get(teamId) ?? []) {
      if (seq !== waiter.after) waiter.done(seq);
    }
  };

  const schedule = (): void => {
    if (timer || closed || waiters.size === 0) return;
    timer = setTimeout(() => void poll(), intervalMs);
  };

  async function poll(): Promise<void> {
    try {
      const seqs = await readSeqs([...waiters.keys()]);
      for (const [teamId, seq] of seqs) wake(teamId, seq);
    } catch {
      // The database hiccuped; the next round tries again and waits time out meanwhile.
    } finally {
      timer = undefined;
      schedule();
    }
  }

  return {
    wait(teamId, after, timeoutMs, signal) {
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => {
        const set = waiters.get(teamId) ?? new Set<Waiter>();
        waiters.set(teamId, set);
        const waiter: Waiter = {
          after,
          done: (seq) => {
            clearTimeout(timeout);
            signal.removeEventListener('abort', abort);
            set.delete(waiter);
            if (set.size === 0 && waiters.get(teamId) === set) waiters.delete(teamId);
            resolve(seq);
          },
        };
        const abort = (): void => waiter.done(null);
        const timeout = setTimeout(abort, timeoutMs);
        signal.addEventListener('abort', abort);
        set.add(waiter);
        if (signal.aborted) abort();
        schedule();
      });
    },
    notify: wake,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const set of [...waiters.values()]) for (const waiter of [...set]) waiter.done(null);
    },
  };
}
