import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentContext } from './context.ts';
import { OnboardingStack } from './onboarding-stack.ts';

/**
 * Builds the CDK app: one stack per stage, checked by cdk-nag's AwsSolutions pack during synthesis
 * (an unacknowledged finding fails `cdk synth`). `context` adds to cdk.json and `-c` values; tests
 * pass `{ 'aws:cdk:bundling-stacks': [] }` to skip bundling.
 */
export function buildApp(context: Record<string, unknown> = {}): { app: App; stack: OnboardingStack } {
  const app = new App({ context });
  const deployment = readDeploymentContext((key) => app.node.tryGetContext(key));
  const stack = new OnboardingStack(app, `Id06Onboarding-${deployment.stage}`, {
    context: deployment,
    description: `ID06 onboarding of workers without Swedish BankID (${deployment.stage})`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

// `cdk synth` runs this file (cdk.json "app"); the CLI collects the synthesized app on exit.
if (import.meta.main) buildApp();
