import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
  /** Module specifiers of its static and dynamic imports and re-exports. */
  imports: string[];
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*[`'"]([^`'"]+)[`'"]/g;

/**
 * Every file under `dir` (relative to the root) whose path relative to the root matches `pattern`
 * (default: .ts and .js), node_modules excluded; `deep: false` stays in `dir` itself.
 */
export function sourceFiles(dir: string, pattern = /\.(ts|js)$/, deep = true): SourceFile[] {
  const walk = (relDir: string): string[] =>
    readdirSync(join(ROOT, relDir), { withFileTypes: true }).flatMap((entry) => {
      const path = relDir === '.' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) return deep && entry.name !== 'node_modules' ? walk(path) : [];
      return pattern.test(path) ? [path] : [];
    });
  return walk(dir).map((path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
    return { path, text, imports };
  });
}

const ALIASES: Record<string, string> = {
  '#shared/': 'shared/',
  '#functions/': 'functions/',
  '#infra/': 'infra/',
  '#test/': 'test/',
};

/** The repository path an import points at, or undefined for a package import. */
export function resolveImport(from: string, specifier: string): string | undefined {
  for (const [alias, dir] of Object.entries(ALIASES)) {
    if (specifier.startsWith(alias)) return dir + specifier.slice(alias.length);
  }
  if (!specifier.startsWith('.')) return undefined;
  return relative(ROOT, normalize(join(ROOT, dirname(from), specifier))).replaceAll('\\', '/');
}
