import { InvalidContextError, readDeploymentContext } from '#infra/aws/context.ts';
import { PROD_CONTEXT } from '#test/support/onboarding-template.ts';

function read(values: Record<string, unknown>) {
  return readDeploymentContext((key) => values[key]);
}

describe('deployment context', () => {
  test('dev needs no context: placeholders on reserved names and the documented defaults', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      sistecAccountId: '111111111111',
      senderDomain: 'onboarding.example.com',
      senderEmail: 'no-reply@onboarding.example.com',
      signInUrl: 'https://id06.example.com/sign-in',
      sistecOfficesUrl: 'https://sistec.example.com/offices',
      scanWaitTotalDays: 60,
      maxScanWaitCycleDays: 14,
      accountLinkHours: 72,
      maxAccountLinks: 3,
      retentionDays: 90,
      earlyScanDays: 7,
    });
  });

  test('prod without the Sistec account fails and names it', () => {
    const { sistecAccountId: _, ...rest } = PROD_CONTEXT;
    expect(() => read(rest)).toThrow(/sistecAccountId/);
  });

  test('prod uses no dev placeholder', () => {
    expect(() => read({ stage: 'prod' })).toThrow(InvalidContextError);
  });

  test('numbers given as -c strings are coerced', () => {
    const context = read({ scanWaitTotalDays: '30', accountLinkHours: '24' });
    expect(context.scanWaitTotalDays).toBe(30);
    expect(context.accountLinkHours).toBe(24);
  });

  test('an account id that is not 12 digits fails', () => {
    expect(() => read({ sistecAccountId: '12345' })).toThrow(/12-digit/);
  });

  test('a sender address outside the sender domain fails', () => {
    expect(() => read({ senderEmail: 'noreply@elsewhere.example.org' })).toThrow(/senderEmail/);
  });

  test('an unknown stage fails', () => {
    expect(() => read({ stage: 'test' })).toThrow(/stage/);
  });
});
