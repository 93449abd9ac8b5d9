/**
 * The operations the edge forwards to the emulators that run as servers (dynalite and
 * aws-ses-v2-local). Anything else is answered at the edge with UnknownOperationException: dynalite
 * would answer it without a message, and aws-ses-v2-local would never answer an unknown v1 action.
 */

/** dynalite's `validOperations` (node_modules/dynalite/index.js). */
export const DYNAMODB_OPERATIONS: ReadonlySet<string> = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'ListTagsOfResource',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'UpdateItem',
  'UpdateTable',
]);

/** The v1 (Query protocol) actions aws-ses-v2-local answers (its dist/index.js). */
export const SES_V1_ACTIONS: ReadonlySet<string> = new Set(['SendEmail', 'SendRawEmail']);

interface RestRoute {
  operation: string;
  method: string;
  path: RegExp;
}

/** The v2 (REST JSON) routes aws-ses-v2-local answers, by their AWS operation names. */
export const SES_V2_ROUTES: readonly RestRoute[] = [
  { operation: 'ListEmailTemplates', method: 'GET', path: /^\/v2\/email\/templates$/ },
  { operation: 'CreateEmailTemplate', method: 'POST', path: /^\/v2\/email\/templates$/ },
  { operation: 'TestRenderEmailTemplate', method: 'POST', path: /^\/v2\/email\/templates\/[^/]+\/render$/ },
  { operation: 'GetEmailTemplate', method: 'GET', path: /^\/v2\/email\/templates\/[^/]+$/ },
  { operation: 'UpdateEmailTemplate', method: 'PUT', path: /^\/v2\/email\/templates\/[^/]+$/ },
  { operation: 'DeleteEmailTemplate', method: 'DELETE', path: /^\/v2\/email\/templates\/[^/]+$/ },
  { operation: 'GetAccount', method: 'GET', path: /^\/v2\/email\/account$/ },
  { operation: 'SendEmail', method: 'POST', path: /^\/v2\/email\/outbound-emails$/ },
  { operation: 'SendBulkEmail', method: 'POST', path: /^\/v2\/email\/outbound-bulk-emails$/ },
];

/** The SES v2 operation a request is, if aws-ses-v2-local answers it. */
export function sesV2Operation(method: string | undefined, path: string): string | undefined {
  return SES_V2_ROUTES.find((route) => route.method === method && route.path.test(path))?.operation;
}
