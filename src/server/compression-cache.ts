// Compressed copies of text files, computed once per file version (path + mtime + size) and
// kept in memory. Memory is bounded: each entry is charged three times its size (original,
// gzip and brotli, each compressed copy kept only if smaller) against a fixed budget, and the
// least recently used entries go first.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type CompressedEncoding = 'br' | 'gzip';
export type FileVersion = { mtimeMs: number; size: number };
export type CachedBody = { body: Buffer; encoding: CompressedEncoding | 'identity' };

type Entry = FileVersion & {
  identity: Promise<Buffer>;
  encoded: Partial<Record<CompressedEncoding, Promise<Buffer | null>>>;
};

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function compress(data: Buffer, encoding: CompressedEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(data, { level: constants.Z_BEST_COMPRESSION });
  return brotliAsync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export type CompressionCache = {
  /** Largest file the cache takes; bigger ones are streamed as they are. */
  maxFileSize: number;
  get: (
    key: string,
    version: FileVersion,
    read: () => Promise<Buffer>,
    encoding: CompressedEncoding | 'identity',
  ) => Promise<CachedBody>;
};

export function createCompressionCache(budgetBytes = 96 * 1024 * 1024): CompressionCache {
  const entries = new Map<string, Entry>();
  let charged = 0;
  const costOf = (entry: FileVersion): number => entry.size * 3;

  const remove = (key: string, entry: Entry): void => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    charged -= costOf(entry);
  };

  const entryFor = (key: string, version: FileVersion, read: () => Promise<Buffer>): Entry => {
    const existing = entries.get(key);
    if (existing && existing.mtimeMs === version.mtimeMs && existing.size === version.size) {
      entries.delete(key); // re-insert: most recently used goes last
      entries.set(key, existing);
      return existing;
    }
    if (existing) remove(key, existing);
    const entry: Entry = { ...version, identity: read(), encoded: {} };
    entries.set(key, entry);
    charged += costOf(entry);
    entry.identity.catch(() => remove(key, entry));
    for (const [oldKey, old] of entries) {
      if (charged <= budgetBytes || old === entry) break;
      remove(oldKey, old);
    }
    return entry;
  };

  return {
    maxFileSize: Math.floor(budgetBytes / 12),
    async get(key, version, read, encoding) {
      const entry = entryFor(key, version, read);
      const identity = await entry.identity;
      if (encoding === 'identity') return { body: identity, encoding };
      const pending = (entry.encoded[encoding] ??= compress(identity, encoding).then(
        (packed) => (packed.length < identity.length ? packed : null),
        () => null, // a failed compression falls back to identity; nothing to retry
      ));
      const packed = await pending;
      return packed ? { body: packed, encoding } : { body: identity, encoding: 'identity' };
    },
  };
}
