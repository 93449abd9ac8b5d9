import { isJsonObject, type JsonValue, parseJson } from './aws-json.ts';
import type { FaultInjector } from './faults.ts';
import { type RateQuota, TokenBucket } from './quotas.ts';
import { edgeAnswer, type Forward, type SesRequest, type Upstream } from './upstream-policy.ts';
import { queryError } from './xml.ts';

/**
 * SES's sending rate and injected SES errors, on the sending operations. A refused message is not
 * forwarded, so it never reaches the local inbox: SES drops it too.
 */

const SENDS: Record<SesRequest['protocol'], ReadonlySet<string>> = {
  v1: new Set(['SendEmail', 'SendRawEmail']),
  v2: new Set(['SendEmail', 'SendBulkEmail']),
};

interface SesError {
  status: number;
  code: string;
  message: string;
}

/** SES's answer over the sending rate (v1: Query XML, code Throttling; v2: 429 TooManyRequestsException). */
const THROTTLED: Record<SesRequest['protocol'], SesError> = {
  v1: { status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' },
  v2: { status: 429, code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' },
};

/** AWS's common service errors; injected faults take turns between them. */
const SERVICE_ERRORS: readonly SesError[] = [
  {
    status: 503,
    code: 'ServiceUnavailable',
    message: 'The request has failed due to a temporary failure of the server.',
  },
  {
    status: 500,
    code: 'InternalFailure',
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
];

export function sesLimits(faults: FaultInjector, sending: RateQuota | undefined) {
  const bucket = sending === undefined ? undefined : new TokenBucket(sending);
  let injected = 0;
  return async (request: SesRequest, forward: Forward): Promise<Upstream> => {
    if (!SENDS[request.protocol].has(request.operation)) return forward();
    if (bucket !== undefined && !bucket.take(recipients(request))) {
      return errorAnswer(request.protocol, THROTTLED[request.protocol]);
    }
    if (faults.draw('ses', ['sesError'], `SES ${request.protocol} ${request.operation}`)) {
      return errorAnswer(request.protocol, SERVICE_ERRORS[injected++ % SERVICE_ERRORS.length] as SesError);
    }
    return forward();
  };
}

function errorAnswer(protocol: SesRequest['protocol'], error: SesError): Upstream {
  if (protocol === 'v1') {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    return edgeAnswer(error.status, 'text/xml', queryError(error.code, error.message, type));
  }
  // REST JSON: the error code travels in a header.
  return edgeAnswer(error.status, 'application/json', JSON.stringify({ message: error.message }), {
    'x-amzn-errortype': error.code,
  });
}

/**
 * What SES counts against the sending rate: recipients, not messages. A raw message without
 * Destinations counts as one (its headers are not read).
 */
function recipients(request: SesRequest): number {
  const text = request.body.toString('utf8');
  const count = request.protocol === 'v1' ? formRecipients(text) : jsonRecipients(text);
  return Math.max(1, count);
}

const FORM_RECIPIENT = /^(Destination\.(To|Cc|Bcc)Addresses|Destinations)\.member\.\d+$/;

function formRecipients(text: string): number {
  return [...new URLSearchParams(text).keys()].filter((key) => FORM_RECIPIENT.test(key)).length;
}

function jsonRecipients(text: string): number {
  const body = parseJson(text)?.value;
  if (!isJsonObject(body)) return 0;
  const entries = Array.isArray(body.BulkEmailEntries) ? body.BulkEmailEntries : [body];
  return entries.reduce<number>(
    (sum, entry) => sum + (isJsonObject(entry) ? destinationCount(entry.Destination) : 0),
    0,
  );
}

function destinationCount(destination: JsonValue | undefined): number {
  if (!isJsonObject(destination)) return 0;
  return ['ToAddresses', 'CcAddresses', 'BccAddresses'].reduce((sum, field) => {
    const addresses = destination[field];
    return sum + (Array.isArray(addresses) ? addresses.length : 0);
  }, 0);
}
