// The main-thread end of the form engine's worker (see worker/pdf-protocol.ts): starts the
// worker on the first request, pairs answers with requests, and turns a failed worker into a
// result instead of a promise that never settles. A worker fails when its code cannot be
// loaded, when something in it throws outside a request, or when a message cannot be cloned;
// every request still waiting then gets pdf-engine-failed and the next request starts a fresh
// worker. (An exhausted V8 heap in a Chromium worker takes the whole tab down with it, so the
// page never sees that one; an allocation that fails with an exception comes back from the
// worker itself as pdf-engine-failed.)
import {
  engineFailed,
  type EngineOperation,
  type EngineOperations,
  type EngineRequest,
  type EngineResponse,
} from '../worker/pdf-protocol';

/** What the client needs of a Worker (a fake in unit tests). */
export type WorkerLike = {
  postMessage(message: EngineRequest, transfer: Transferable[]): void;
  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: (event: Event) => void,
  ): void;
  terminate(): void;
};

export type EngineClient = {
  run<Op extends EngineOperation>(
    request: { op: Op } & EngineOperations[Op]['request'],
    transfer: Transferable[],
  ): Promise<EngineOperations[Op]['result']>;
};

type Waiting = (result: EngineResponse['result']) => void;
type Session = { worker: WorkerLike; waiting: Map<number, Waiting> };

export function createEngineClient(spawn: () => WorkerLike): EngineClient {
  let current: Session | null = null;
  let nextId = 1;

  const fail = (session: Session, reason: unknown) => {
    console.error('form engine worker failed', reason);
    if (current === session) current = null;
    session.worker.terminate();
    const waiting = [...session.waiting.values()];
    session.waiting.clear();
    for (const settle of waiting) settle(engineFailed());
  };

  const start = (): Session => {
    const session: Session = { worker: spawn(), waiting: new Map() };
    session.worker.addEventListener('message', (event) => {
      const { id, result } = (event as MessageEvent<EngineResponse>).data;
      const settle = session.waiting.get(id);
      session.waiting.delete(id);
      settle?.(result);
    });
    session.worker.addEventListener('error', (event) => {
      // Handled here: a sentence in the UI, not an uncaught error in the console.
      event.preventDefault();
      fail(session, (event as ErrorEvent).message ?? event.type);
    });
    session.worker.addEventListener('messageerror', (event) => fail(session, event.type));
    return session;
  };

  return {
    run(request, transfer) {
      return new Promise((resolve) => {
        let session: Session;
        try {
          session = current ??= start();
        } catch (error) {
          // No worker at all (not supported, or refused by the page's security policy).
          console.error('form engine worker could not start', error);
          resolve(engineFailed());
          return;
        }
        const id = nextId++;
        // The answer to a request with this id has this request's operation.
        session.waiting.set(id, resolve as Waiting);
        try {
          session.worker.postMessage({ ...request, id } as EngineRequest, transfer);
        } catch (error) {
          session.waiting.delete(id);
          console.error('form engine request could not be sent', error);
          resolve(engineFailed());
        }
      });
    },
  };
}
