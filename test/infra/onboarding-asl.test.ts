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

interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: string;
}

/** Every Task state of the definition, nested ones included. */
function tasks(states: Record<string, { Type: string; Retry?: Retrier[]; Resource?: string }>) {
  return Object.entries(states).filter(([, state]) => state.Type === 'Task');
}

/** The mean time a retrier keeps trying: with full jitter each wait is on average half its cap. */
function meanRetryWindowSeconds(r: Retrier): number {
  let total = 0;
  for (let attempt = 0; attempt < r.MaxAttempts; attempt++) {
    total +=
      Math.min(r.MaxDelaySeconds ?? Number.POSITIVE_INFINITY, r.IntervalSeconds * r.BackoffRate ** attempt) /
      2;
  }
  return total;
}

describe('throttling (decision 0020)', () => {
  const definition = JSON.parse(
    source.replace(/\$\{(\w+)\}/g, (_, name: string) => substitutions[name] ?? ''),
  );
  const all = tasks(definition.States);
  // 5,000 orders at SES's 14 emails/s need 357 s; the retrier must outlast bursts far beyond that.
  const burstSeconds = 5000 / 14;

  test.each(all.map(([name, state]) => [name, state] as const))(
    '%s waits out throttling first, with full jitter, for an hour on average',
    (_, state) => {
      const throttled = state.Retry?.[0];
      const names = state.Resource?.includes(':lambda:')
        ? ['ThrottledError', 'Lambda.TooManyRequestsException']
        : ['EventBridge.ThrottlingException'];
      expect(throttled?.ErrorEquals).toEqual(names);
      expect(throttled?.JitterStrategy).toBe('FULL');
      expect(meanRetryWindowSeconds(throttled as Retrier)).toBeGreaterThan(10 * burstSeconds);
      // A function that timed out or whose runtime died is run again: every task is idempotent.
      if (state.Resource?.includes(':lambda:')) {
        expect(state.Retry?.[1]?.ErrorEquals).toEqual(
          expect.arrayContaining([
            'Sandbox.Timedout',
            'Runtime.ExitError',
            'Lambda.Unknown',
            'TransientError',
          ]),
        );
      }
      // No other retrier of the state names them (the first match wins, but a copy would mislead).
      for (const other of state.Retry?.slice(1) ?? []) {
        for (const name of names) expect(other.ErrorEquals).not.toContain(name);
      }
    },
  );
});
