import aslValidator from 'asl-validator';
import {
  DEFINITION_FILE,
  definitionSubstitutions,
  readDefinition,
  timingSubstitutions,
  WORKFLOW_DEFAULTS,
} from '#infra/workflow-settings.ts';

const ACCOUNT = '123456789012';
const REGION = 'eu-north-1';

/** The substitutions the stack makes, with real-looking values instead of CloudFormation references. */
const substitutions = definitionSubstitutions({
  functionArn: (name) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:id06-onboarding-${name}`,
  busName: 'id06-onboarding-dev',
  timings: timingSubstitutions(WORKFLOW_DEFAULTS),
});

const source = readDefinition();
const placeholders = new Set([...source.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]));

describe(DEFINITION_FILE, () => {
  test('uses exactly the placeholders the stack substitutes', () => {
    expect([...placeholders].sort()).toEqual(Object.keys(substitutions).sort());
  });

  test('is valid Amazon States Language after substitution', () => {
    const definition = JSON.parse(
      source.replace(/\$\{(\w+)\}/g, (_, name: string) => substitutions[name] ?? ''),
    );
    const result = aslValidator(definition, { checkArn: true, checkPaths: true });
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });
});
