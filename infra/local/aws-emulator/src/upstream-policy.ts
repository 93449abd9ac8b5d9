import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { dynamodbFaults } from './dynamodb-faults.ts';
import type { FaultInjector } from './faults.ts';
import type { RateQuota } from './quotas.ts';
import { sesLimits } from './ses-limits.ts';

/** An answer of a server the edge forwards to, buffered (local payloads are small). */
export interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends the request on to the server; each call sends it again. */
export type Forward = () => Promise<Upstream>;

export interface SesRequest {
  protocol: 'v1' | 'v2';
  operation: string;
  body: Buffer;
}

/**
 * What stands between the edge and the servers it forwards to (dynalite, aws-ses-v2-local): quotas
 * and injected faults. Each either answers in the server's place or calls `forward`.
 */
export interface UpstreamPolicy {
  dynamodb(operation: string, body: Buffer, forward: Forward): Promise<Upstream>;
  ses(request: SesRequest, forward: Forward): Promise<Upstream>;
}

export const PASS_THROUGH: UpstreamPolicy = {
  dynamodb: (_operation, _body, forward) => forward(),
  ses: (_request, forward) => forward(),
};

export interface UpstreamPolicyOptions {
  faults: FaultInjector;
  sesSending?: RateQuota;
  region: string;
  accountId: string;
}

export function upstreamPolicy(options: UpstreamPolicyOptions): UpstreamPolicy {
  return {
    dynamodb: dynamodbFaults(
      options.faults,
      `arn:aws:dynamodb:${options.region}:${options.accountId}:table/`,
    ),
    ses: sesLimits(options.faults, options.sesSending),
  };
}

/** An answer made at the edge in a server's place. */
export function edgeAnswer(
  status: number,
  contentType: string,
  body: string,
  headers: IncomingHttpHeaders = {},
): Upstream {
  return {
    status,
    headers: { ...headers, 'content-type': contentType, 'x-amzn-requestid': randomUUID() },
    body: Buffer.from(body),
  };
}
