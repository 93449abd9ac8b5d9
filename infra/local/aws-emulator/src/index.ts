/** What a product's local wiring uses; everything else in src/ is the emulator's own. */
export type { JsonObject, JsonValue } from './aws-json.ts';
export { startDynalite } from './dynalite.ts';
export { type Emulator, type EmulatorOptions, startEmulator } from './emulator.ts';
export {
  type Backoff,
  type DeadLetterQueues,
  type EventBridgeEvent,
  type EventTarget,
  LocalEventBus,
  type PutEventsEntry,
  type PutEventsResult,
  type RetryPolicy,
} from './event-bus.ts';
export {
  FAULT_KINDS,
  FaultInjector,
  type FaultKind,
  type FaultSettings,
  FaultSettingsError,
  INVOCATION_FAULTS,
} from './faults.ts';
export { type HttpApi, type HttpApiHandler, type HttpApiOptions, startHttpApi } from './http-api.ts';
export { type LambdaContextOptions, lambdaContext } from './lambda-context.ts';
export { lambdaExitError, lambdaServiceError, lambdaTimeoutError } from './lambda-errors.ts';
export { AWS_QUOTAS, describeQuotas, QuotaSettingsError, type Quotas, type RateQuota } from './quotas.ts';
export { LocalSecrets } from './secrets.ts';
export { closeServer, listen } from './server.ts';
export type { MessageAttributes, MessageAttributeValue } from './sqs/md5.ts';
export { LocalSqs, type QueueMessage } from './sqs/service.ts';
export { LocalStepFunctions } from './step-functions/service.ts';
export type { TaskServices } from './step-functions/task-resources.ts';
