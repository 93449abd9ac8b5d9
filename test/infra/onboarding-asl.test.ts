import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { projectPath } from '#infra/aws/paths.ts';
import { DEFINITION_FILE } from '#infra/aws/workflow.ts';
import { timingSubstitutions } from '#infra/aws/workflow-settings.ts';
import { FUNCTIONS } from '#infra/catalog.ts';

const ACCOUNT = '123456789012';
const REGION = 'eu-north-1';

/** The substitutions the stack makes, with real-looking values instead of CloudFormation references. */
const substitutions: Record<string, string> = {
  ...Object.fromEntries(
    FUNCTIONS.flatMap((spec) =>
      spec.trigger.kind === 'task'
        ? [
            [
              spec.trigger.placeholder,
              `arn:aws:lambda:${REGION}:${ACCOUNT}:function:id06-onboarding-${spec.name}`,
            ],
          ]
        : [],
    ),
  ),
  EventBusName: 'id06-onboarding-dev',
  ...timingSubstitutions({
    scanWaitTotalDays: 60,
    maxScanWaitCycleDays: 14,
    accountLinkHours: 72,
    maxAccountLinks: 3,
  }),
};

const source = readFileSync(projectPath(DEFINITION_FILE), 'utf8');
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
