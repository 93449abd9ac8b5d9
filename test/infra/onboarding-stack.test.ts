import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Access, envNamesOf, FUNCTIONS, HTTP_ROUTES } from '#infra/catalog.ts';
import { IDEMPOTENCY_TABLE } from '#shared/adapters/idempotency-table.ts';
import { ONBOARDING_TABLE } from '#shared/adapters/onboarding-table.ts';
import { SISTEC_SOURCE } from '#shared/contracts/events/sources.ts';
import { buildTemplate, PROD_CONTEXT, resourcesOfType } from '#test/support/onboarding-template.ts';

const { app, stack, template } = buildTemplate();

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}

describe('functions', () => {
  const functions = resourcesOfType(template, 'AWS::Lambda::Function');

  test('one Lambda function per catalog entry, nothing else', () => {
    expect(functions).toHaveLength(FUNCTIONS.length);
  });

  test.each(functions.map(([id, r]) => [id, r.Properties] as const))(
    '%s runs Node.js 24 on arm64 with active tracing and its own log group',
    (_id, properties) => {
      expect(properties.Runtime).toBe('nodejs24.x');
      expect(properties.Architectures).toEqual(['arm64']);
      expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) });
    },
  );

  test.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s gets exactly the variables its catalog entry gives it',
    (name, spec) => {
      const id = logicalId(stack.functions.get(name));
      const variables = Object.keys(template.toJSON().Resources[id].Properties.Environment.Variables);
      expect(variables.sort()).toEqual([...envNamesOf(spec), 'NODE_OPTIONS'].sort());
    },
  );

  test('rule-target functions retry twice within an hour, then go to the dead-letter queue', () => {
    const ruleTargets = FUNCTIONS.filter((spec) => spec.trigger.kind === 'rule');
    const configs = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(ruleTargets.length);
    for (const [, config] of configs) {
      expect(config.Properties).toMatchObject({
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetterQueue/), 'Arn'] } },
        },
      });
    }
  });
});

describe('event bus', () => {
  test('every rule target has a dead-letter queue and, except bus-to-bus forwarding, a retry policy', () => {
    const targets = resourcesOfType(template, 'AWS::Events::Rule').flatMap(
      ([, rule]) => rule.Properties.Targets,
    );
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const target of targets) {
      expect(target.DeadLetterConfig).toEqual({
        Arn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetterQueue/), 'Arn'] },
      });
      // CDK's EventBus target has no retry settings; EventBridge retries bus-to-bus delivery for 24 h.
      const toBus = JSON.stringify(target.Arn).includes('EventsBus');
      if (!toBus)
        expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 });
    }
  });

  test('the bus policy lets only the Sistec account put, and only Sistec-sourced events', () => {
    const policies = resourcesOfType(template, 'AWS::Events::EventBusPolicy');
    expect(policies).toHaveLength(1);
    const statement = policies[0]?.[1].Properties.Statement;
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Condition: { 'ForAllValues:StringEquals': { 'events:source': [SISTEC_SOURCE] } },
    });
    expect(JSON.stringify(statement.Principal)).toMatch(/^\{"AWS":.*:iam::111111111111:root"\]\]\}\}$/);
  });

  test('every event is archived for 90 days, encrypted with the data key', () => {
    template.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: [{ prefix: '' }] },
      RetentionDays: 90,
      KmsKeyIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('DataKey'), 'Arn'] },
    });
  });

  test('outside production a catch-all rule logs the envelope of each event, never its detail', () => {
    const catchAll = resourcesOfType(template, 'AWS::Events::Rule').find(
      ([, rule]) =>
        JSON.stringify(rule.Properties.EventPattern) === JSON.stringify({ source: [{ prefix: '' }] }),
    );
    const transformer = catchAll?.[1].Properties.Targets[0].InputTransformer;
    expect(Object.values(transformer.InputPathsMap)).not.toContainEqual(
      expect.stringMatching(/^\$\.detail(\.|$)/),
    );
    expect(Object.values(transformer.InputPathsMap)).toContain('$.detail-type');
  });

  test('the dead-letter queue is named after the stage, kept 14 days, encrypted with the data key, and refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'id06-onboarding-dead-letters-dev',
      MessageRetentionPeriod: 14 * 24 * 3600,
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DataKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('data', () => {
  test('the onboarding table: customer-managed key, PITR, deletion protection, TTL, the identity index', () => {
    const [table] = resourcesOfType(template, 'AWS::DynamoDB::Table').filter(
      ([, r]) => r.Properties.KeySchema[0].AttributeName === ONBOARDING_TABLE.partitionKey.name,
    );
    expect(table?.[1]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/DataKey/), 'Arn'] },
        },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: ONBOARDING_TABLE.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: ONBOARDING_TABLE.identityIndex.name,
            KeySchema: [
              { AttributeName: ONBOARDING_TABLE.identityIndex.partitionKey, KeyType: 'HASH' },
              { AttributeName: ONBOARDING_TABLE.identityIndex.sortKey, KeyType: 'RANGE' },
            ],
          },
        ],
      },
    });
  });

  test('the idempotency table: key id, TTL expiration, the same key, PITR', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey.name, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: IDEMPOTENCY_TABLE.ttlAttribute, Enabled: true },
      SSESpecification: {
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DataKey'), 'Arn'] },
      },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  test('every key rotates', () => {
    for (const [, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
    }
  });

  test('the identity hash secret is a generated 64-character string under the data key', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64 },
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DataKey'), 'Arn'] },
    });
  });
});

describe('IAM', () => {
  const statements = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([id, policy]) =>
    (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).map((statement) => ({
      id,
      statement,
    })),
  );
  const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

  test('no statement allows every action of a service or of all services', () => {
    const actions = statements.flatMap(({ statement }) => asList(statement.Action));
    expect(actions.filter((action) => action === '*' || /:\*$/.test(action))).toEqual([]);
  });

  test('Resource * only for X-Ray and the state machine log delivery, as acknowledged', () => {
    const starred = statements
      .filter(({ statement }) => asList(statement.Resource).includes('*'))
      .map(({ id, statement }) => ({
        owner: id.startsWith('Workflow') ? 'state-machine' : 'function',
        actions: statement.Action,
      }));
    const xrayWrite = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
    expect(starred).toEqual(
      expect.arrayContaining([
        {
          owner: 'state-machine',
          actions: [...xrayWrite, 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
        },
        {
          owner: 'state-machine',
          actions: [
            'logs:CreateLogDelivery',
            'logs:GetLogDelivery',
            'logs:UpdateLogDelivery',
            'logs:DeleteLogDelivery',
            'logs:ListLogDeliveries',
            'logs:PutResourcePolicy',
            'logs:DescribeResourcePolicies',
            'logs:DescribeLogGroups',
          ],
        },
      ]),
    );
    const functionStatements = starred.filter(({ owner }) => owner === 'function');
    expect(functionStatements).toHaveLength(FUNCTIONS.length);
    for (const { actions } of functionStatements) expect(actions).toEqual(xrayWrite);
    expect(starred).toHaveLength(FUNCTIONS.length + 2);
  });

  test('the state machine may invoke exactly the task functions, unqualified', () => {
    const invoke = statements.find(({ statement }) => statement.Action === 'lambda:InvokeFunction');
    const tasks = FUNCTIONS.filter((spec) => spec.trigger.kind === 'task');
    expect(invoke?.statement.Resource).toEqual(
      tasks.map((spec) => ({ 'Fn::GetAtt': [logicalId(stack.functions.get(spec.name)), 'Arn'] })),
    );
  });

  test('only the catalog callback functions may send task results, each in a policy of its own', () => {
    const callers = statements
      .filter(({ statement }) => asList(statement.Action).includes('states:SendTaskSuccess'))
      .map(({ id }) => id);
    const expected = FUNCTIONS.filter((spec) =>
      (spec.access as readonly Access[]).includes('state-machine:callback'),
    ).map((spec) => spec.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()));
    expect(callers).toHaveLength(expected.length);
    for (const name of expected) {
      expect(callers).toContainEqual(expect.stringMatching(new RegExp(`^Functions${name}TaskCallbacks`)));
    }
  });
});

describe('state machine', () => {
  const machines = resourcesOfType(template, 'AWS::StepFunctions::StateMachine');
  const properties = machines[0]?.[1].Properties ?? {};
  const substitutions: Record<string, unknown> = properties.DefinitionSubstitutions;
  const definition = JSON.parse(
    (properties.DefinitionString as string).replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = substitutions[name];
      if (value === undefined) throw new Error(`No substitution for \${${name}}`);
      return typeof value === 'string' ? value : `<${JSON.stringify(value).replace(/"/g, "'")}>`;
    }),
  );

  test('is the only state machine: Standard, with tracing and minimal error logs', () => {
    expect(machines).toHaveLength(1);
    expect(properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
    });
  });

  test('every task placeholder is the ARN of its catalog function', () => {
    for (const spec of FUNCTIONS) {
      if (spec.trigger.kind !== 'task') continue;
      expect(substitutions[spec.trigger.placeholder]).toEqual({
        'Fn::GetAtt': [logicalId(stack.functions.get(spec.name)), 'Arn'],
      });
    }
  });

  test('the timings are the defaults: 5 scan waits of 12 days, links of 72 hours, 3 links (+2 on request)', () => {
    expect(definition.States.Configure.Parameters.config).toEqual({
      'scanWaitSeconds.$': "States.StringToJson('1036800')",
      'scanWaitCycles.$': "States.StringToJson('5')",
      'accountLinkSeconds.$': "States.StringToJson('259200')",
      'maxAccountLinks.$': "States.StringToJson('3')",
      'maxLinks.$': "States.MathAdd(States.StringToJson('3'), 2)",
    });
  });

  test.each([
    ['WaitForScan', '$.config.scanWaitSeconds'],
    ['WaitForAccount', '$.config.accountLinkSeconds'],
    ['WaitForNewLinkRequest', '$.config.accountLinkSeconds'],
  ])(
    '%s waits for a task token with its timeout and catches the timeout before anything else',
    (name, path) => {
      const state = definition.States[name];
      expect(state.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
      expect(state.TimeoutSecondsPath).toBe(path);
      expect(state.Catch.map((c: { ErrorEquals: string[] }) => c.ErrorEquals)).toEqual([
        ['States.Timeout'],
        ['States.ALL'],
      ]);
    },
  );

  test('the workflow events go to the onboarding bus', () => {
    expect(substitutions.EventBusName).toEqual({ Ref: expect.stringMatching(/^EventsBus/) });
  });
});

describe('HTTP API', () => {
  test('has exactly the worker page routes', () => {
    const routeKeys = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(
      ([, r]) => r.Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual([...HTTP_ROUTES].sort());
  });

  test('the default stage is throttled and its access log cannot hold a path or query string', () => {
    const stages = resourcesOfType(template, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.[1].Properties ?? {};
    expect(stage).toMatchObject({
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    const format: string = stage.AccessLogSettings.Format;
    expect(JSON.parse(format)).toMatchObject({ routeKey: '$context.routeKey' });
    expect(format).not.toMatch(/\$context\.(path|requestOverride|customDomain\.basePathMatched)/);
    expect(format).not.toMatch(/querystring|uri/i);
  });
});

describe('email', () => {
  test('SES feedback goes from the default bus to the onboarding bus', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'reject', 'delivery']),
        EventBridgeDestination: { EventBusArn: Match.anyValue() },
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: 'default',
      EventPattern: Match.objectLike({ source: ['aws.ses'] }),
    });
  });
});

describe('alarms', () => {
  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);

  test('failed and timed-out executions, dead letters and each function errors', () => {
    const metrics = alarms.map((a) => `${a.Namespace}/${a.MetricName}`);
    expect(metrics.filter((m) => m === 'AWS/States/ExecutionsFailed')).toHaveLength(1);
    expect(metrics.filter((m) => m === 'AWS/States/ExecutionsTimedOut')).toHaveLength(1);
    expect(metrics.filter((m) => m === 'AWS/SQS/ApproximateNumberOfMessagesVisible')).toHaveLength(1);
  });

  test("each function's errors alarm leaves out its throttled invocations, which the state machine retries", () => {
    const errors = alarms.filter((a) =>
      (a.Metrics as { Expression?: string }[] | undefined)?.some(
        (m) => m.Expression === 'errors - FILL(throttled, 0)',
      ),
    );
    expect(errors).toHaveLength(FUNCTIONS.length);
    for (const alarm of errors) {
      const stats = (alarm.Metrics as { Id: string; MetricStat?: { Metric: Record<string, unknown> } }[])
        .filter((m) => m.MetricStat)
        .map((m) => [m.Id, m.MetricStat?.Metric]);
      expect(Object.fromEntries(stats)).toMatchObject({
        errors: { Namespace: 'AWS/Lambda', MetricName: 'Errors' },
        throttled: {
          Namespace: 'Id06Onboarding',
          MetricName: 'Throttled',
          Dimensions: expect.arrayContaining([
            { Name: 'service', Value: 'id06-onboarding' },
            { Name: 'function_name', Value: expect.anything() },
          ]),
        },
      });
      expect(alarm).toMatchObject({ Threshold: 1, EvaluationPeriods: 1 });
    }
  });

  test('throttling alarms only when it lasts 15 minutes, over every function', () => {
    const sustained = alarms.filter((a) =>
      (a.Metrics as { Expression?: string }[] | undefined)?.some((m) =>
        m.Expression?.startsWith(
          'SELECT SUM(Throttled) FROM SCHEMA("Id06Onboarding", function_name, service)',
        ),
      ),
    );
    expect(sustained).toHaveLength(1);
    expect(sustained[0]).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 3,
      Metrics: [expect.objectContaining({ Period: 300, ReturnData: true })],
    });
  });

  test('order conflicts have an alarm of their own, on the metric the handlers emit', () => {
    const conflict = alarms.find((a) => a.MetricName === 'OrderConflict');
    expect(conflict).toMatchObject({
      Namespace: 'Id06Onboarding',
      Dimensions: [{ Name: 'service', Value: 'id06-onboarding' }],
      Statistic: 'Sum',
      Threshold: 1,
    });
  });

  test('each alarm notifies the encrypted alarm topic', () => {
    for (const alarm of alarms)
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('cdk-nag AwsSolutions', () => {
  test('no finding is left unfixed or unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map(
      (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`,
    );
    expect(findings).toEqual([]);
  });

  test('synthesis, with the plugin and CDK template validation, succeeds', () => {
    expect(() => app.synth()).not.toThrow();
  });
});

describe('production', () => {
  const prod = buildTemplate(PROD_CONTEXT);

  test('has no catch-all rule and no all-events log', () => {
    const patterns = resourcesOfType(prod.template, 'AWS::Events::Rule').map(
      ([, r]) => r.Properties.EventPattern,
    );
    expect(patterns).not.toContainEqual({ source: [{ prefix: '' }] });
    expect(JSON.stringify(prod.template.toJSON())).not.toContain('/aws/events/');
  });

  test('uses the custom domain for the links and the given Sistec account', () => {
    const variables = resourcesOfType(prod.template, 'AWS::Lambda::Function').map(
      ([, r]) => r.Properties.Environment.Variables,
    );
    expect(variables.filter((v) => 'PUBLIC_BASE_URL' in v).map((v) => v.PUBLIC_BASE_URL)).toEqual([
      PROD_CONTEXT.publicBaseUrl,
      PROD_CONTEXT.publicBaseUrl,
    ]);
    expect(JSON.stringify(prod.template.toJSON())).toContain(`:iam::${PROD_CONTEXT.sistecAccountId}:root`);
  });

  test('subscribes the alarm email', () => {
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: PROD_CONTEXT.alarmEmail,
    });
  });

  test('is named after its stage, and so is its dead-letter queue', () => {
    expect(Stack.of(prod.stack).stackName).toBe('Id06Onboarding-prod');
    prod.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'id06-onboarding-dead-letters-prod',
    });
  });
});
