import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '#infra/aws/app.ts';

/** Context that skips esbuild bundling: template tests need the resources, not the code. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] } as const;

/** Context for a production build: every value `prod` requires. */
export const PROD_CONTEXT = {
  stage: 'prod',
  sistecAccountId: '222233334444',
  senderDomain: 'onboarding.id06.se',
  signInUrl: 'https://id06.se/sign-in',
  sistecOfficesUrl: 'https://sistec.se/offices',
  publicBaseUrl: 'https://konto.id06.se',
  alarmEmail: 'ops@id06.se',
} as const;

export function buildTemplate(context: Record<string, unknown> = {}) {
  const built = buildApp({ ...NO_BUNDLING, ...context });
  return { ...built, template: Template.fromStack(built.stack) };
}

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DeletionPolicy?: string }>;

export function resourcesOfType(template: Template, type: string): [string, Resources[string]][] {
  const resources = template.toJSON().Resources as Resources;
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}
