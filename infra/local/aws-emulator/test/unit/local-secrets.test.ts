import { LocalSecrets } from '../../src/secrets.ts';

const secrets = () => new LocalSecrets({ region: 'eu-north-1', accountId: '000000000000' });

describe('LocalSecrets', () => {
  test('put returns an ARN with the six-character suffix AWS appends', () => {
    expect(secrets().put('identity-hash', 'k'.repeat(32))).toMatch(
      /^arn:aws:secretsmanager:eu-north-1:000000000000:secret:identity-hash-[A-Za-z0-9]{6}$/,
    );
  });

  test('GetSecretValue finds a secret by name, ARN and partial ARN', () => {
    const store = secrets();
    const arn = store.put('identity-hash', 'secret-value');
    for (const SecretId of ['identity-hash', arn, arn.slice(0, -7)]) {
      const reply = store.handle('secretsmanager.GetSecretValue', { SecretId });
      expect(reply).toEqual({
        status: 200,
        body: {
          ARN: arn,
          Name: 'identity-hash',
          SecretString: 'secret-value',
          VersionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          VersionStages: ['AWSCURRENT'],
          CreatedDate: expect.any(Number),
        },
      });
    }
  });

  test('put again keeps the ARN and makes a new current version', () => {
    const store = secrets();
    const arn = store.put('s', 'one');
    const first = store.handle('secretsmanager.GetSecretValue', { SecretId: 's' }).body as {
      VersionId: string;
    };
    expect(store.put('s', 'two')).toBe(arn);
    const second = store.handle('secretsmanager.GetSecretValue', { SecretId: 's' }).body;
    expect(second).toMatchObject({ SecretString: 'two' });
    expect(
      store.handle('secretsmanager.GetSecretValue', { SecretId: 's', VersionId: first.VersionId }),
    ).toMatchObject({
      status: 400,
      body: { __type: 'ResourceNotFoundException' },
    });
  });

  test('an unknown secret is a ResourceNotFoundException; other operations are unknown', () => {
    const store = secrets();
    expect(store.handle('secretsmanager.GetSecretValue', { SecretId: 'missing' })).toEqual({
      status: 400,
      body: {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      },
    });
    expect(store.handle('secretsmanager.GetSecretValue', {})).toMatchObject({
      status: 400,
      body: { __type: 'InvalidParameterException' },
    });
    expect(store.handle('secretsmanager.CreateSecret', { Name: 'x' })).toMatchObject({
      status: 400,
      body: { __type: 'UnknownOperationException' },
    });
  });
});
