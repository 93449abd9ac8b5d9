import { awsJsonError } from './aws-json.ts';
import type { LocalService } from './edge.ts';
import { type RateQuota, TokenBucket } from './quotas.ts';

const START_EXECUTION = 'AWSStepFunctions.StartExecution';

/**
 * Step Functions with StartExecution's quota: over it, AWS's answer (HTTP 400, `ThrottlingException`,
 * "Rate exceeded"), which the SDK raises as a ThrottlingException and retries with backoff. The
 * other actions have quotas of their own on AWS that are not enforced here.
 */
export function limitStartExecution(service: LocalService, quota: RateQuota | undefined): LocalService {
  if (quota === undefined) return service;
  const bucket = new TokenBucket(quota);
  return {
    handle: (target, body) => {
      if (target === START_EXECUTION && !bucket.take())
        return awsJsonError('ThrottlingException', 'Rate exceeded');
      return service.handle(target, body);
    },
  };
}
