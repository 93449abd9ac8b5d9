/** What a message catalog may hold: plain strings, functions that build a string, and nested groups. */
export type MessageLeaf = string | ((...args: never[]) => string);
export type MessageTree = { readonly [key: string]: MessageLeaf | MessageTree };

/**
 * The shape every language must fill, derived from the English catalog: string literals widen to
 * `string`, functions keep their parameters, groups keep their keys. A missing or extra key fails tsc.
 */
export type CatalogShape<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: CatalogShape<T[K]> };
