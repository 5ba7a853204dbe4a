// Record ids: UUIDv7 (RFC 9562) generated on the device, so records created offline
// never collide and sort by creation time.
//
// Monotonicity (RFC 9562 §6.2, method 1): the 12 rand_a bits hold a counter. A new
// millisecond seeds the counter randomly in its lower half; within the same
// millisecond (or when the clock steps back) the counter is incremented, and when it
// overflows the timestamp is advanced by one millisecond. Ids from one generator
// therefore always sort after their predecessors, as strings as well as numbers.

const COUNTER_MAX = 0xfff;

export type IdGenerator = () => string;

export type IdGeneratorOptions = {
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** `length` random bytes; injectable for tests. */
  randomBytes?: (length: number) => Uint8Array;
};

const defaultRandomBytes = (length: number): Uint8Array =>
  crypto.getRandomValues(new Uint8Array(length));

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** A generator with its own monotonic state. `newId` is the app-wide instance. */
export function createIdGenerator(options: IdGeneratorOptions = {}): IdGenerator {
  const now = options.now ?? Date.now;
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  let lastMs = -1;
  let counter = 0;

  const seedCounter = (): number => {
    const bytes = randomBytes(2);
    // Lower half only (11 bits), leaving room for at least 2048 increments.
    return (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) & 0x7ff;
  };

  return () => {
    const ms = Math.floor(now());
    if (ms > lastMs) {
      lastMs = ms;
      counter = seedCounter();
    } else if (counter < COUNTER_MAX) {
      counter += 1;
    } else {
      lastMs += 1;
      counter = seedCounter();
    }

    const rand = randomBytes(8);
    // Variant 0b10 in the top two bits of rand_b.
    rand[0] = ((rand[0] ?? 0) & 0x3f) | 0x80;
    const randB = Array.from(rand, (b) => hex(b, 2)).join('');

    const time = hex(lastMs, 12);
    return [
      time.slice(0, 8),
      time.slice(8, 12),
      `7${hex(counter, 3)}`,
      randB.slice(0, 4),
      randB.slice(4, 16),
    ].join('-');
  };
}

const appGenerator = createIdGenerator();

/** A new UUIDv7, lowercase, e.g. "01936b2e-7c4a-7123-8abc-0123456789ab". */
export function newId(): string {
  return appGenerator();
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The creation time (ms since the epoch) encoded in a UUIDv7, or NaN if `id` is not a
 * UUIDv7. Note that under a burst of ids it may lie a few ms after the real time.
 */
export function timestampOfId(id: string): number {
  if (!UUID_V7.test(id)) return Number.NaN;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * A name-based UUID (RFC 9562 version 8, "custom"): the first 16 bytes of the SHA-256 of
 * `name`, lowercase like every sync id. The same name gives the same id on every device; it
 * carries no creation time.
 */
export async function nameBasedId(name: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(name));
  const bytes = new Uint8Array(digest).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 0b10
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
