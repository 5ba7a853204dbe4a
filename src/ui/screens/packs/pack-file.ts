// Pack files: what an exported pack is called and holds, and what an imported file is — a pack
// (new, or an update of a stored pack of the same family and edition) or a clear failure code.
import { findStoredEdition, type StoredPack } from '../../../db/pack-repository';
import { parseFormPack, serializeFormPack, type FormPack } from '../../../domain/form-packs';

export const PACK_FILE_TYPE = 'application/json';
/** Packs are small; anything far larger is not one (and is not read into memory). */
export const MAX_PACK_FILE_BYTES = 4_000_000;

export type PackFileError =
  | 'pack-file-too-large'
  | 'pack-file-not-json'
  | 'pack-file-foreign'
  | 'pack-version-unsupported'
  | 'pack-invalid';

export function packFileName(pack: FormPack): string {
  const label = pack.edition.label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // The id of an imported pack is untrusted: only letters, digits and hyphens reach the name.
  const id = pack.id.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'pack';
  return `${id}${label ? `-${label}` : ''}.lotse-pack.json`;
}

export function packFile(pack: FormPack): File {
  return new File([serializeFormPack(pack)], packFileName(pack), { type: PACK_FILE_TYPE });
}

/** Why a text is not a pack, as precisely as can be said: not JSON, JSON but not a Lotse pack,
 * a pack of a newer format version, or a pack whose contents fail the checks. */
export function readPackText(
  text: string,
): { ok: true; pack: FormPack } | { ok: false; code: PackFileError } {
  const parsed = parseFormPack(text);
  if (parsed.ok) return { ok: true, pack: parsed.value };
  if (parsed.code === 'pack-version-unsupported') return { ok: false, code: parsed.code };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, code: 'pack-file-not-json' };
  }
  const format =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).format : null;
  return { ok: false, code: format === 'lotse-form-pack' ? 'pack-invalid' : 'pack-file-foreign' };
}

export type ImportPlan = { action: 'add' } | { action: 'update'; id: string };

/** Importing the same pack twice updates it: same family id and edition fingerprint. */
export function importPlan(stored: readonly StoredPack[], pack: FormPack): ImportPlan {
  const existing = findStoredEdition(stored, pack);
  return existing ? { action: 'update', id: existing.id } : { action: 'add' };
}
