// What keeps a pack from being saved, as codes (the screen turns them into sentences). The
// authority is parseFormPack (the same check an imported file gets): the whole pack must pass.
// To say which field is wrong, each mapping is checked on its own in an otherwise valid pack.
import { parseFormPack, serializeFormPack, type FormPack } from '../../../domain/form-packs';

export type PackProblemCode =
  | 'title-missing'
  | 'title-too-long'
  | 'label-too-long'
  | 'choice-empty'
  | 'mapping-invalid'
  | 'pack-invalid';

export type PackProblem = { code: PackProblemCode; key?: string };

const passes = (pack: FormPack): boolean => parseFormPack(JSON.stringify(pack)).ok;

export function packProblems(pack: FormPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const { de, en } = pack.title;
  if (!de.trim() || !en.trim()) problems.push({ code: 'title-missing' });
  if (de.length > 200 || en.length > 200) problems.push({ code: 'title-too-long' });
  if (pack.edition.label.length > 50) problems.push({ code: 'label-too-long' });
  const header: FormPack = {
    ...pack,
    title: { de: 'x', en: 'x' },
    edition: { ...pack.edition, label: '' },
  };
  for (const mapping of pack.mappings) {
    // Only this mapping's field in the edition: a 733-field form stays quick to check.
    const fields = pack.edition.fields.filter((f) => f.key === mapping.key);
    if (passes({ ...header, edition: { ...header.edition, fields }, mappings: [mapping] }))
      continue;
    const isEmptyChoice = mapping.kind === 'choice' && Object.keys(mapping.options).length === 0;
    problems.push({ key: mapping.key, code: isEmptyChoice ? 'choice-empty' : 'mapping-invalid' });
  }
  if (problems.length === 0 && !passes(pack)) problems.push({ code: 'pack-invalid' });
  return problems;
}

/** The pack as parseFormPack builds it (fresh, checked), or null when it has problems. */
export function checkedPack(pack: FormPack): FormPack | null {
  const parsed = parseFormPack(serializeFormPack(pack));
  return parsed.ok ? parsed.value : null;
}
