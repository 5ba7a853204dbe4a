// The main-thread end of the form engine's worker: answers paired with their requests, and a
// failed worker (script not loaded, uncaught error, a message that cannot be cloned, no worker
// at all) turned into pdf-engine-failed for every waiting request instead of a promise that
// never settles. The worker is a stand-in here; the real one runs in tests/e2e/pdf-worker.spec.ts.
import { describe, expect, it, vi } from 'vitest';
import { createEngineClient, type WorkerLike } from '../../../src/ui/pdf-worker-client';
import type { EngineRequest, EngineResponse } from '../../../src/worker/pdf-protocol';

class FakeWorker extends EventTarget implements WorkerLike {
  readonly received: { message: EngineRequest; transfer: Transferable[] }[] = [];
  isTerminated = false;
  refuseMessages = false;

  postMessage(message: EngineRequest, transfer: Transferable[]): void {
    if (this.refuseMessages) throw new DOMException('could not be cloned', 'DataCloneError');
    this.received.push({ message, transfer });
  }

  terminate(): void {
    this.isTerminated = true;
  }

  answer(response: EngineResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: response }));
  }

  /** What a Worker fires when its script fails to load or throws outside a request. */
  crash(): void {
    const event = new Event('error', { cancelable: true });
    Object.assign(event, { message: 'Uncaught RangeError: Array buffer allocation failed' });
    this.dispatchEvent(event);
  }
}

const inspection = {
  kind: 'acroform' as const,
  encrypted: false,
  pages: 1,
  fingerprint: 'f',
  fields: [],
};

const setup = () => {
  const workers: FakeWorker[] = [];
  const spawn = vi.fn(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client: createEngineClient(spawn), spawn, workers };
};

const bytes = () => new Uint8Array([37, 80, 68, 70]);

describe('the form engine worker client', () => {
  it('starts the worker on the first request only, and reuses it', async () => {
    const { client, spawn, workers } = setup();
    expect(spawn).not.toHaveBeenCalled();
    const first = client.run({ op: 'inspect', bytes: bytes() }, []);
    const second = client.run({ op: 'inspect', bytes: bytes(), password: 'x' }, []);
    expect(spawn).toHaveBeenCalledTimes(1);
    const [worker] = workers;
    const [a, b] = worker!.received.map((r) => r.message.id);
    worker!.answer({ id: a!, op: 'inspect', result: { ok: true, value: inspection } });
    worker!.answer({ id: b!, op: 'inspect', result: { ok: true, value: inspection } });
    await expect(first).resolves.toEqual({ ok: true, value: inspection });
    await expect(second).resolves.toEqual({ ok: true, value: inspection });
    expect(worker!.received[1]!.message).toMatchObject({ op: 'inspect', password: 'x' });
  });

  it('pairs each answer with its request, in whatever order they come', async () => {
    const { client, workers } = setup();
    const inspecting = client.run({ op: 'inspect', bytes: bytes() }, []);
    const filling = client.run(
      { op: 'fill', bytes: bytes(), values: { a: 'x' }, options: { flatten: true } },
      [],
    );
    const worker = workers[0]!;
    const [inspectId, fillId] = worker.received.map((r) => r.message.id);
    expect(inspectId).not.toBe(fillId);
    const output = new Uint8Array([1, 2, 3]);
    worker.answer({ id: fillId!, op: 'fill', result: { ok: true, value: output } });
    worker.answer({
      id: inspectId!,
      op: 'inspect',
      result: { ok: false, code: 'pdf-damaged', error: { code: 'pdf-damaged' } },
    });
    await expect(filling).resolves.toEqual({ ok: true, value: output });
    await expect(inspecting).resolves.toEqual({
      ok: false,
      code: 'pdf-damaged',
      error: { code: 'pdf-damaged' },
    });
  });

  it('hands the transfer list to the worker with the request', () => {
    const { client, workers } = setup();
    const copy = bytes();
    void client.run({ op: 'inspect', bytes: copy }, [copy.buffer]);
    expect(workers[0]!.received[0]!.transfer).toEqual([copy.buffer]);
    expect(workers[0]!.received[0]!.message.bytes).toBe(copy);
  });

  it('answers every waiting request with pdf-engine-failed when the worker fails, then starts afresh', async () => {
    const { client, spawn, workers } = setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = client.run({ op: 'inspect', bytes: bytes() }, []);
    const second = client.run({ op: 'fill', bytes: bytes(), values: {}, options: {} }, []);
    const broken = workers[0]!;
    broken.crash();
    await expect(first).resolves.toEqual({ ok: false, code: 'pdf-engine-failed' });
    await expect(second).resolves.toEqual({ ok: false, code: 'pdf-engine-failed' });
    expect(broken.isTerminated).toBe(true);
    expect(errors).toHaveBeenCalled();

    const third = client.run({ op: 'inspect', bytes: bytes() }, []);
    expect(spawn).toHaveBeenCalledTimes(2);
    const fresh = workers[1]!;
    fresh.answer({
      id: fresh.received[0]!.message.id,
      op: 'inspect',
      result: { ok: true, value: inspection },
    });
    await expect(third).resolves.toEqual({ ok: true, value: inspection });
    errors.mockRestore();
  });

  it('treats an answer that cannot be read (messageerror) as a failed worker', async () => {
    const { client, workers } = setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const waiting = client.run({ op: 'inspect', bytes: bytes() }, []);
    workers[0]!.dispatchEvent(new MessageEvent('messageerror'));
    await expect(waiting).resolves.toEqual({ ok: false, code: 'pdf-engine-failed' });
    expect(workers[0]!.isTerminated).toBe(true);
    errors.mockRestore();
  });

  it('ignores a late answer from a worker that already failed', async () => {
    const { client, workers } = setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const waiting = client.run({ op: 'inspect', bytes: bytes() }, []);
    const broken = workers[0]!;
    broken.crash();
    const id = broken.received[0]!.message.id;
    broken.answer({ id, op: 'inspect', result: { ok: true, value: inspection } });
    await expect(waiting).resolves.toEqual({ ok: false, code: 'pdf-engine-failed' });
    errors.mockRestore();
  });

  it('is pdf-engine-failed when no worker can be started at all', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const spawn = vi.fn((): WorkerLike => {
      throw new DOMException('refused by the content security policy', 'SecurityError');
    });
    const client = createEngineClient(spawn);
    await expect(client.run({ op: 'inspect', bytes: bytes() }, [])).resolves.toEqual({
      ok: false,
      code: 'pdf-engine-failed',
    });
    // Tried again on the next request, not given up for good.
    await client.run({ op: 'inspect', bytes: bytes() }, []);
    expect(spawn).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('is pdf-engine-failed for a request that cannot be sent, leaving the others alone', async () => {
    const { client, workers } = setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sent = client.run({ op: 'inspect', bytes: bytes() }, []);
    const worker = workers[0]!;
    worker.refuseMessages = true;
    await expect(client.run({ op: 'inspect', bytes: bytes() }, [])).resolves.toEqual({
      ok: false,
      code: 'pdf-engine-failed',
    });
    worker.refuseMessages = false;
    worker.answer({
      id: worker.received[0]!.message.id,
      op: 'inspect',
      result: { ok: true, value: inspection },
    });
    await expect(sent).resolves.toEqual({ ok: true, value: inspection });
    expect(worker.isTerminated).toBe(false);
    errors.mockRestore();
  });
});
