/**
 * CloudFormation's DefinitionSubstitutions, applied the same way locally: every `${Name}` is
 * replaced; a placeholder without a value is an error rather than a silently broken definition.
 */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No substitution for \${${name}}`);
    return value;
  });
}
