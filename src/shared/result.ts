// Expected failures travel as values with a kebab-case reason code; the UI turns the
// code into a translated sentence (see i18n/error-message.ts). Exceptions are for bugs.

export type Ok<T> = { ok: true; value: T };
export type Err<C extends string> = { ok: false; code: C };
export type Result<T, C extends string> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C): Err<C> => ({ ok: false, code });
