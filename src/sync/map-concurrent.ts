// Runs an async step over a list with at most `limit` steps in flight, results in list order.
// Pulled records are decrypted this way: WebCrypto works off the main thread, so awaiting one
// record at a time leaves it idle between records.
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  step: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await step(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
