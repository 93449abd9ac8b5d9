import { envNamesOf, FUNCTIONS, type FunctionSpec } from '#infra/catalog.ts';
import { LocalFunctions } from '#infra/local/functions.ts';
import { LOCAL_DEFAULTS } from '#infra/local/local-settings.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { ENV, type EnvName } from '#shared/runtime/config.ts';

// Each function runs in its own worker thread with only its catalog entry's variables, as on AWS:
// a handler that read any other variable would fail its cold start here, not first in production.
let stack: LocalStack;
const sandboxes: LocalFunctions[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0 });
});
afterAll(async () => {
  await Promise.all(sandboxes.map((functions) => functions.close()));
  await stack.close();
});

/** Invokes `spec`'s handler in a fresh sandbox with `environment`; resolves with the error name, if any. */
async function coldStart(spec: FunctionSpec, environment: Record<string, string>) {
  const functions = new LocalFunctions({ ...LOCAL_DEFAULTS, environment: () => environment });
  sandboxes.push(functions);
  try {
    await functions.invoke(spec.name, {});
    return { errorName: undefined, message: '' };
  } catch (error) {
    return { errorName: (error as Error).name, message: (error as Error).message };
  }
}

const required = (spec: FunctionSpec) =>
  envNamesOf(spec).filter((name: EnvName) => !ENV[name].safeParse(undefined).success);

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  test('gets exactly the variables of its catalog entry (besides the runtime ones)', () => {
    const names = Object.keys(stack.functionEnvironment(spec)).filter(
      (name) => !name.startsWith('AWS_') && !name.startsWith('POWERTOOLS_'),
    );
    expect(names.sort()).toEqual(
      envNamesOf(spec)
        .filter((name) => name !== 'SES_CONFIGURATION_SET')
        .sort(),
    );
  });

  test('starts with them: an empty event fails on its shape, not on the configuration', async () => {
    const { errorName } = await coldStart(spec, stack.functionEnvironment(spec));
    expect(errorName).not.toBe('ConfigurationError');
  });

  test('fails its cold start, naming each, when its required variables are missing', async () => {
    const environment = stack.functionEnvironment(spec);
    for (const name of required(spec)) delete environment[name];
    const { errorName, message } = await coldStart(spec, environment);
    expect(errorName).toBe('ConfigurationError');
    for (const name of required(spec)) expect(message).toContain(name);
  });
});
