import { dirname } from 'node:path';
import { resolveImport, type SourceFile, sourceFiles } from '#test/support/source-files.ts';

// The layout's rules (docs/architecture.md), checked on the source itself so they cannot drift.
const EMULATOR = 'infra/local/aws-emulator';
const product = [...sourceFiles('functions'), ...sourceFiles('shared'), ...sourceFiles('infra')].filter(
  (file) => !file.path.startsWith(`${EMULATOR}/`),
);

/** Folder → folders it imports from (only edges between different folders). */
function folderGraph(files: SourceFile[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = dirname(file.path);
    for (const specifier of file.imports) {
      const target = resolveImport(file.path, specifier);
      if (target === undefined || dirname(target) === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(dirname(target));
    }
  }
  return graph;
}

/** Every cycle as a path of folders, found by depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

describe('layout', () => {
  test('no folder-level import cycle in the product code', () => {
    const graph = folderGraph(product);
    expect(graph.get('shared/use-cases')).toContain('shared/domain/onboarding');
    expect(cycles(graph)).toEqual([]);
  });

  test('the cycle finder finds a cycle, so the test above can fail', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  test('only shared/adapters and shared/runtime import the AWS SDK', () => {
    const importers = product
      .filter((file) => file.imports.some((specifier) => specifier.startsWith('@aws-sdk/')))
      .map((file) => file.path)
      .filter((path) => !path.startsWith('shared/adapters/') && !path.startsWith('shared/runtime/'));
    expect(importers).toEqual([]);
  });

  test('domain code imports only domain code, contracts and Node built-ins', () => {
    const outside = sourceFiles('shared/domain').flatMap((file) =>
      file.imports
        .filter((specifier) => {
          const target = resolveImport(file.path, specifier);
          if (target === undefined)
            return !specifier.startsWith('node:') && !specifier.startsWith('@zxcvbn-ts/');
          return !target.startsWith('shared/domain/') && !target.startsWith('shared/contracts/');
        })
        .map((specifier) => `${file.path} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  test.each(sourceFiles('functions').map((file) => [file.path, file] as const))(
    '%s is a thin handler: at most 40 lines, no SDK, no JSON.parse',
    (_path, file) => {
      expect(file.text.trimEnd().split('\n').length).toBeLessThanOrEqual(40);
      expect(file.text).not.toContain('JSON.parse');
      expect(file.imports.filter((specifier) => specifier.startsWith('@aws-sdk/'))).toEqual([]);
    },
  );

  test('the AWS emulator package imports nothing of the product', () => {
    const leaks = [...sourceFiles(`${EMULATOR}/src`), ...sourceFiles(`${EMULATOR}/test`)].flatMap((file) =>
      file.imports
        .filter((specifier) => {
          if (specifier.startsWith('#')) return true;
          const target = resolveImport(file.path, specifier);
          return target !== undefined && !target.startsWith(`${EMULATOR}/`);
        })
        .map((specifier) => `${file.path} → ${specifier}`),
    );
    expect(leaks).toEqual([]);
  });

  test('nothing in the repository points at documents outside it', () => {
    const outsideDocs = new RegExp(
      ['\\.\\./shared/', 'DESIGN\\.md', 'DOMAIN\\.md', 'TOOLING\\.md', 'STYLE\\.md'].join('|'),
    );
    const files = ['functions', 'shared', 'infra', 'test', 'scripts', 'bench', 'state-machines'].flatMap(
      (dir) => sourceFiles(dir),
    );
    expect(files.filter((file) => outsideDocs.test(file.text)).map((file) => file.path)).toEqual([]);
  });
});
