type Leaf = { path: string; value: unknown };

/** Every leaf of a text catalog with its dotted path. */
export function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([key, value]) =>
      leaves(value, path === '' ? key : `${path}.${key}`),
    );
  }
  return [{ path, value: node }];
}

/** Every key at every depth, with the kind of value (and a function's arity), sorted. */
export function shape(node: unknown): string[] {
  return leaves(node)
    .map(({ path, value }) =>
      typeof value === 'function' ? `${path}(${value.length})` : `${path}:${typeof value}`,
    )
    .sort();
}
