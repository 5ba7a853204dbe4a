// When an open editor takes what sync stored meanwhile: only with nothing left to write,
// never a read older than its own last write, and only when the stored record differs.
import { describe, expect, it } from 'vitest';
import { takesStored } from '../../../src/ui/hooks/use-stored-refresh';

const stored = { updatedAt: '2026-11-22T10:00:05.000Z', values: { Name: 'Heidari' } };
const edited = { updatedAt: '2026-11-22T10:00:01.000Z', values: { Name: 'Haydari' } };

describe('an editor taking the stored record', () => {
  it('takes a changed record while idle', () => {
    expect(takesStored(stored, edited, true, '')).toBe(true);
    expect(takesStored(stored, edited, true, '2026-11-22T10:00:05.000Z')).toBe(true);
  });

  it('keeps its own value while something waits to be written', () => {
    expect(takesStored(stored, edited, false, '')).toBe(false);
  });

  it('ignores a read older than its last write, and an equal record', () => {
    expect(takesStored(stored, edited, true, '2026-11-22T10:00:06.000Z')).toBe(false);
    expect(takesStored(stored, { ...stored }, true, '')).toBe(false);
    expect(takesStored(null, edited, true, '')).toBe(false);
    expect(takesStored(stored, null, true, '')).toBe(false);
  });
});
