// The form engine: pure functions over PDF bytes, for the browser and for Node (CLI, tests).
export { inspectPdf } from './inspect-pdf';
export { fillPdf, type FillOptions } from './fill-form';
export type { FontSet } from './appearance';
export type * from './types';
export { readPdfValues } from './read-values';
