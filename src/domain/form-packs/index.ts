// Form packs: mapping the fields of an official form edition to case data. See types.ts for the
// format, evaluate.ts for filling, edition.ts for recognising forms and other editions.
export type * from './types';
export { FORM_PACK_FORMAT, FORM_PACK_VERSION } from './types';
export { parseFormPack, serializeFormPack, type FormPackError } from './parse-pack';
export {
  evaluatePack,
  type EvaluatedField,
  type FieldProblem,
  type FieldProblemCode,
  type PackEvaluation,
  type SourceRef,
  type ValueOrigin,
} from './evaluate';
export type { PackContext } from './household';
export {
  findPacksForForm,
  matchEdition,
  type EditionMatch,
  type PackCandidate,
  type RemapReason,
} from './edition';
export { SHIPPED_PACKS } from './packs';
export { overlayField, withOverlayFields } from './overlays';
