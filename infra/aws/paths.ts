import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (package.json, functions/, state-machines/), whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function projectPath(relative: string): string {
  return join(PROJECT_ROOT, relative);
}
