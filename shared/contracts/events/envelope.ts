import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { z } from 'zod';

/**
 * An EventBridge event whose source and detail-type are fixed for one contract, so a rule target
 * that receives the wrong event fails validation instead of acting on it.
 */
export function eventBridgeEnvelope<S extends string, D extends string, T extends z.ZodType>(
  source: S,
  detailType: D,
  detail: T,
) {
  return EventBridgeSchema.extend({
    source: z.literal(source),
    'detail-type': z.literal(detailType),
    detail,
  });
}
