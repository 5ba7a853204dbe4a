// Maps decoded path segments to a real file inside the static folder. Containment is checked
// twice: on the joined path, and again after resolving symlinks, so a link pointing out of the
// folder serves nothing.
import { realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export type ResolveStaticFile = (segments: readonly string[]) => Promise<string | null>;

const notThere = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EACCES', 'EPERM']);

const isNotThere = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && notThere.has(String(error.code));

const isInside = (base: string, path: string): boolean =>
  path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);

export function createStaticRoot(staticDir: string): ResolveStaticFile {
  const root = resolve(staticDir);
  let realRoot: string | undefined;

  return async (segments) => {
    // Hidden files (.env, .git, ...) are never part of a build; do not serve them.
    if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return null;
    const candidate = join(root, ...segments);
    if (!isInside(root, candidate) || candidate === root) return null;
    try {
      realRoot ??= await realpath(root);
      const real = await realpath(candidate);
      return isInside(realRoot, real) && real !== realRoot ? real : null;
    } catch (error) {
      if (isNotThere(error)) return null;
      throw error;
    }
  };
}
