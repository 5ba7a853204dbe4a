// "Save to the case": a value changed in a draft goes back to the case field the pack read it
// from unchanged (the pack's SourceRef). Derived values (date parts, "Name, Vorname", ages)
// have no source, so they offer no write-back.
import type { CaseFile, Repositories } from '../../../db/repositories';
import type { StorageResult } from '../../../db/record-repository';
import type { SourceRef } from '../../../domain/form-packs/evaluate';

function read(root: unknown, path: string[]): unknown {
  let current = root;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function withValue<T>(root: T, path: string[], value: string): T {
  const [key, ...rest] = path;
  if (!key) return root;
  const node = (root ?? {}) as Record<string, unknown>;
  return { ...node, [key]: rest.length === 0 ? value : withValue(node[key], rest, value) } as T;
}

const recordOf = (file: CaseFile, source: SourceRef) =>
  source.record === 'case' ? file.case : file.persons.find((p) => p.id === source.personId);

/** The source still exists in the case file and holds text (so the value can replace it). */
export function canWriteBack(source: SourceRef | undefined, file: CaseFile | null): boolean {
  if (!source || !file) return false;
  const record = recordOf(file, source);
  const current = record ? read(record, source.field.split('.')) : undefined;
  // Optional groups added later (previous address, landlord) may not exist yet on old cases.
  return typeof current === 'string' || (record !== undefined && current === undefined);
}

export async function writeBack(
  repositories: Repositories,
  file: CaseFile,
  source: SourceRef,
  value: string,
): Promise<StorageResult<unknown>> {
  const path = source.field.split('.');
  if (source.record === 'case') {
    return repositories.cases.save(file.case.id, withValue(file.case, path, value));
  }
  const person = file.persons.find((p) => p.id === source.personId);
  if (!person) return { ok: false, code: 'not-found' };
  return repositories.persons.save(person.id, withValue(person, path, value));
}
