// The one error envelope every Lotse server error is answered in. The app maps the code to a
// translated sentence; `message` is for logs and developers, never shown to a user.

export const apiErrorCodes = [
  'not-found',
  'method-not-allowed',
  'bad-request',
  'internal',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

export type ApiErrorEnvelope = {
  error: {
    code: ApiErrorCode;
    message: string;
  };
};

export const apiError = (code: ApiErrorCode, message: string): ApiErrorEnvelope => ({
  error: { code, message },
});

export function isApiErrorEnvelope(value: unknown): value is ApiErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  if (typeof error !== 'object' || error === null) return false;
  if (!('code' in error) || !('message' in error)) return false;
  return (
    typeof error.message === 'string' && (apiErrorCodes as readonly unknown[]).includes(error.code)
  );
}
