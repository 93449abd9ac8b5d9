import fc from 'fast-check';
import { matchesEventPattern, validateEventPattern } from '../../src/event-pattern.ts';

// Events and patterns are quoted from the Amazon EventBridge user guide ("Creating event patterns",
// "Comparison operators for use in event patterns", "Matching events on null values and empty strings",
// "Matching on multiple field values"). Where a page shows only a pattern, the event is the EC2 example
// event with the `detail` the example is about. Cases marked "AWS-verified" come from behaviour recorded
// against real EventBridge (LocalStack's snapshot tests) where the guide is silent or outdated.

/** "Creating event patterns": an event from Amazon EC2. */
const EC2_EVENT = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** "Matching events on null values and empty strings": an Amazon EC2 Auto Scaling event. */
const AUTOSCALING_EVENT = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

/** "Value matching": an Amazon Macie Classic alert, truncated as in the guide. */
const MACIE_EVENT = {
  version: '0',
  id: '3e355723-fca9-4de3-9fd7-154c289d6b59',
  'detail-type': 'Macie Alert',
  source: 'aws.macie',
  account: '123456789012',
  time: '2017-04-24T22:28:49Z',
  region: 'us-east-1',
  resources: [
    'arn:aws:macie:us-east-1:123456789012:trigger/trigger_id/alert/alert_id',
    'arn:aws:macie:us-east-1:123456789012:trigger/trigger_id',
  ],
  detail: {
    'notification-type': 'ALERT_CREATED',
    name: 'Scanning bucket policies',
    tags: ['Custom_Alert', 'Insider'],
    'risk-score': 80,
    trigger: {
      'rule-arn': 'arn:aws:macie:us-east-1:123456789012:trigger/trigger_id',
      'alert-type': 'basic',
      risk: 8,
    },
  },
};

/** The EC2 example event carrying another `detail` (and optionally other envelope fields). */
function ec2(
  detail: Record<string, unknown>,
  envelope: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...EC2_EVENT, ...envelope, detail };
}

const EC2_TERMINATED = {
  source: ['aws.ec2'],
  'detail-type': ['EC2 Instance State-change Notification'],
  detail: { state: ['terminated'] },
};
const NUMERIC = {
  detail: {
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ numeric: ['=', 3.018e2] }],
  },
};
const COMPLEX = {
  time: [{ prefix: '2017-10-02' }],
  detail: {
    state: [{ 'anything-but': 'initializing' }],
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ 'anything-but': [100, 200, 300] }],
  },
};
const OR_NUMERIC = {
  detail: {
    $or: [
      { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
      { 'd-count': [{ numeric: ['<', 10] }] },
      { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
    ],
  },
};
const DOC_RESOURCES = [
  'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
  'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
  'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
];
const EVENT_BUS_ARN = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
const SOURCE_AND_OR = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};
const EMPLOYEES = {
  employees: [
    { firstName: 'John', lastName: 'Doe' },
    { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' },
  ],
};

type Case = [
  name: string,
  pattern: Record<string, unknown>,
  event: Record<string, unknown>,
  expected: boolean,
];

const CASES: Case[] = [
  // Creating event patterns: fields are ANDed, values in the array ORed, other event fields ignored.
  ['EC2 termination pattern matches the EC2 event', EC2_TERMINATED, EC2_EVENT, true],
  ['EC2 termination pattern: state running', EC2_TERMINATED, ec2({ state: 'running' }), false],
  ['EC2 termination pattern: other source', EC2_TERMINATED, { ...EC2_EVENT, source: 'aws.s3' }, false],
  ['source aws.ec2 or aws.fargate: aws.ec2', { source: ['aws.ec2', 'aws.fargate'] }, EC2_EVENT, true],
  [
    'source aws.ec2 or aws.fargate: aws.fargate',
    { source: ['aws.ec2', 'aws.fargate'] },
    { source: 'aws.fargate' },
    true,
  ],
  [
    'source aws.ec2 or aws.fargate: aws.s3',
    { source: ['aws.ec2', 'aws.fargate'] },
    { source: 'aws.s3' },
    false,
  ],
  ['a field the event lacks fails the pattern', { detail: { 'c-count': [5] } }, EC2_EVENT, false],
  ['the same nesting is required', { state: ['terminated'] }, EC2_EVENT, false],
  ['strings match case-sensitively', { source: ['AWS.EC2'] }, EC2_EVENT, false],
  ['top-level account matches', { account: ['111122223333'] }, EC2_EVENT, true],
  [
    'Location is "New York" and Day is "Monday"',
    { Location: ['New York'], Day: ['Monday'] },
    { Location: 'New York', Day: 'Monday' },
    true,
  ],
  [
    'Location and Day: Tuesday fails the AND',
    { Location: ['New York'], Day: ['Monday'] },
    { Location: 'New York', Day: 'Tuesday' },
    false,
  ],
  [
    'PaymentType is "Credit" or "Debit": Debit',
    { PaymentType: ['Credit', 'Debit'] },
    { PaymentType: 'Debit' },
    true,
  ],
  [
    'PaymentType is "Credit" or "Debit": Cash',
    { PaymentType: ['Credit', 'Debit'] },
    { PaymentType: 'Cash' },
    false,
  ],
  ['Name is "Alice"', { Name: ['Alice'] }, { Name: 'Alice' }, true],

  // Null values and empty strings.
  [
    'responseElements [null] matches the Auto Scaling event',
    {
      source: ['aws.autoscaling'],
      'detail-type': ['EC2 Instance Launch Successful'],
      detail: { responseElements: [null] },
    },
    AUTOSCALING_EVENT,
    true,
  ],
  ['eventVersion [""] matches the empty string', { detail: { eventVersion: [''] } }, AUTOSCALING_EVENT, true],
  [
    'an empty-string pattern does not match null',
    { detail: { responseElements: [''] } },
    AUTOSCALING_EVENT,
    false,
  ],
  [
    'a null pattern does not match the empty string',
    { detail: { eventVersion: [null] } },
    AUTOSCALING_EVENT,
    false,
  ],
  ['a null pattern does not match a missing field', { detail: { UserID: [null] } }, AUTOSCALING_EVENT, false],
  ['UserID is null', { UserID: [null] }, { UserID: null }, true],
  ['LastName is empty', { LastName: [''] }, { LastName: '' }, true],
  ['LastName is empty: "Smith"', { LastName: [''] }, { LastName: 'Smith' }, false],
  [
    'an empty event array does not match [null] (AWS-verified)',
    { resources: [null] },
    AUTOSCALING_EVENT,
    false,
  ],

  // Value matching: numbers, booleans, nested objects.
  [
    'Macie: risk score 80 and trigger risk 8',
    {
      source: ['aws.macie'],
      'detail-type': ['Macie Alert'],
      detail: { 'risk-score': [80], trigger: { risk: [8] } },
    },
    MACIE_EVENT,
    true,
  ],
  ['Macie: trigger risk 9', { detail: { 'risk-score': [80], trigger: { risk: [9] } } }, MACIE_EVENT, false],
  ['the number 80 does not match the string "80"', { detail: { 'risk-score': ['80'] } }, MACIE_EVENT, false],
  ['Price is 100 (exact number)', { Price: [100] }, { Price: 100 }, true],
  ['300 matches 300.0 (AWS-verified)', { number: [300] }, JSON.parse('{"number": 300.0}'), true],
  ['3.0e2 matches 300', { number: [3.0e2] }, JSON.parse('{"number": 300}'), true],
  ['true matches the boolean true', { detail: { enabled: [true] } }, ec2({ enabled: true }), true],
  [
    '"true" does not match the boolean true',
    { detail: { enabled: ['true'] } },
    ec2({ enabled: true }),
    false,
  ],
  ['false matches the boolean false', { detail: { enabled: [false] } }, ec2({ enabled: false }), true],
  [
    'a nested pattern does not match a scalar field',
    { detail: { state: { code: ['x'] } } },
    EC2_EVENT,
    false,
  ],
  ['a value pattern does not match an object field', { detail: ['terminated'] }, EC2_EVENT, false],

  // Matching on multiple field values: arrays in the event match on a non-empty intersection.
  [
    'resources: first pattern value equals the second event value',
    { resources: DOC_RESOURCES },
    {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    true,
  ],
  ['resources: no common value', { resources: DOC_RESOURCES }, EC2_EVENT, false],
  ['Macie tags array contains "Insider"', { detail: { tags: ['Insider'] } }, MACIE_EVENT, true],
  ['Macie tags array lacks "Outsider"', { detail: { tags: ['Outsider'] } }, MACIE_EVENT, false],
  ['an array of objects matches on one element', { employees: { firstName: ['Anna'] } }, EMPLOYEES, true],
  [
    'fields of one array element match together',
    { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
    EMPLOYEES,
    true,
  ],
  [
    'fields from different array elements do not combine',
    { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    EMPLOYEES,
    false,
  ],

  // Prefix matching.
  ['time prefix "2017-10-02"', { time: [{ prefix: '2017-10-02' }] }, { time: '2017-10-02T18:43:48Z' }, true],
  ['time prefix "2017-10-02": another day', { time: [{ prefix: '2017-10-02' }] }, EC2_EVENT, false],
  [
    'Auto Scaling events from European regions',
    { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    { ...AUTOSCALING_EVENT, region: 'eu-west-1' },
    true,
  ],
  [
    'Auto Scaling events from European regions: us-east-1',
    { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    AUTOSCALING_EVENT,
    false,
  ],
  ['Region is in the US', { Region: [{ prefix: 'us-' }] }, { Region: 'us-east-2' }, true],
  ['prefix only matches strings', { detail: { 'risk-score': [{ prefix: '8' }] } }, MACIE_EVENT, false],
  [
    'prefix ignoring case: "EventB" matches "EVENTBRIDGE"',
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    ec2({ service: 'EVENTBRIDGE' }),
    true,
  ],
  [
    'prefix ignoring case: "EventB" matches "eventbus"',
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    ec2({ service: 'eventbus' }),
    true,
  ],
  [
    'prefix ignoring case: "EventB" does not match "Lambda"',
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    ec2({ service: 'Lambda' }),
    false,
  ],

  // Suffix matching.
  ['FileName suffix ".png"', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' }, true],
  [
    'FileName suffix ".png": ".PNG" differs in case',
    { FileName: [{ suffix: '.png' }] },
    { FileName: 'image.PNG' },
    false,
  ],
  ['FileName suffix ".png": ".jpg"', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.jpg' }, false],
  [
    'suffix ignoring case: ".png" matches ".PNG"',
    { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    ec2({ FileName: 'image.PNG' }),
    true,
  ],
  [
    'suffix ignoring case: ".png" does not match ".jpg"',
    { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    ec2({ FileName: 'image.jpg' }),
    false,
  ],

  // Equals-ignore-case.
  [
    'detail-type equals-ignore-case',
    { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    EC2_EVENT,
    true,
  ],
  [
    'detail-type equals-ignore-case: other text',
    { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance launch successful' }] },
    EC2_EVENT,
    false,
  ],
  ['Name equals-ignore-case "alice"', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' }, true],
  [
    'equals-ignore-case is no prefix match',
    { Name: [{ 'equals-ignore-case': 'alice' }] },
    { Name: 'Alicia' },
    false,
  ],

  // Anything-but matching.
  [
    'state anything-but "initializing": running',
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    ec2({ state: 'running' }),
    true,
  ],
  [
    'state anything-but "initializing": initializing',
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    ec2({ state: 'initializing' }),
    false,
  ],
  [
    'x-limit anything-but 123: 456',
    { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    ec2({ 'x-limit': 456 }),
    true,
  ],
  [
    'x-limit anything-but 123: 123',
    { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    ec2({ 'x-limit': 123 }),
    false,
  ],
  [
    'anything-but ["stopped", "overloaded"]: running',
    { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    ec2({ state: 'running' }),
    true,
  ],
  [
    'anything-but ["stopped", "overloaded"]: overloaded',
    { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    ec2({ state: 'overloaded' }),
    false,
  ],
  [
    'anything-but [100, 200, 300]: 150',
    { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    ec2({ 'x-limit': 150 }),
    true,
  ],
  [
    'anything-but [100, 200, 300]: 300.0',
    { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    JSON.parse('{"detail": {"x-limit": 300.0}}'),
    false,
  ],
  [
    'anything-but prefix "init": running',
    { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    ec2({ state: 'running' }),
    true,
  ],
  [
    'anything-but prefix "init": initializing',
    { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    ec2({ state: 'initializing' }),
    false,
  ],
  [
    'Region is not in the US',
    { Region: [{ 'anything-but': { prefix: 'us-' } }] },
    { Region: 'eu-north-1' },
    true,
  ],
  [
    'Region is not in the US: us-east-1',
    { Region: [{ 'anything-but': { prefix: 'us-' } }] },
    { Region: 'us-east-1' },
    false,
  ],
  [
    'anything-but suffix ".txt": file.png',
    { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    ec2({ FileName: 'file.png' }),
    true,
  ],
  [
    'anything-but suffix ".txt": file.txt',
    { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    ec2({ FileName: 'file.txt' }),
    false,
  ],
  [
    'anything-but ignoring case: INITIALIZING is excluded',
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    ec2({ state: 'INITIALIZING' }),
    false,
  ],
  [
    'anything-but ignoring case: running',
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    ec2({ state: 'running' }),
    true,
  ],
  [
    'anything-but ignoring case, list: Stopped is excluded',
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] } },
    ec2({ state: 'Stopped' }),
    false,
  ],
  [
    'anything-but wildcard "*/lib/*": a bin path',
    { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    ec2({ FilePath: '/usr/bin/env' }),
    true,
  ],
  [
    'anything-but wildcard "*/lib/*": a lib path',
    { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    ec2({ FilePath: '/usr/lib/libc.so' }),
    false,
  ],
  [
    'anything-but wildcard list: a bin path is excluded',
    { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } },
    ec2({ FilePath: '/usr/bin/env' }),
    false,
  ],
  [
    'all events except CloudTrail API calls',
    { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] },
    EC2_EVENT,
    true,
  ],
  [
    'all events except from EC2 or S3: EC2',
    { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] },
    EC2_EVENT,
    false,
  ],
  [
    'only your own events: "aws." prefix excluded',
    { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    EC2_EVENT,
    false,
  ],
  [
    'only your own events: id06.onboarding',
    { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    { source: 'id06.onboarding' },
    true,
  ],
  [
    'Weather is anything but "Raining": Sunny',
    { Weather: [{ 'anything-but': ['Raining'] }] },
    { Weather: 'Sunny' },
    true,
  ],
  [
    'anything-but does not match a missing field (AWS-verified)',
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    ec2({}),
    false,
  ],
  [
    'anything-but matches a null value (AWS-verified)',
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    ec2({ state: null }),
    true,
  ],
  [
    'anything-but prefix matches a number (AWS-verified)',
    { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    ec2({ state: 12 }),
    true,
  ],
  [
    'anything-but on an event array: one element outside the list suffices',
    { detail: { state: [{ 'anything-but': 'stopped' }] } },
    ec2({ state: ['stopped', 'running'] }),
    true,
  ],

  // Numeric matching.
  [
    'numeric: c-count 5, d-count 3, x-limit 301.8',
    NUMERIC,
    ec2({ 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 }),
    true,
  ],
  ['numeric: c-count 0 is not > 0', NUMERIC, ec2({ 'c-count': 0, 'd-count': 3, 'x-limit': 301.8 }), false],
  ['numeric: c-count 6 is not <= 5', NUMERIC, ec2({ 'c-count': 6, 'd-count': 3, 'x-limit': 301.8 }), false],
  ['numeric: d-count 10 is not < 10', NUMERIC, ec2({ 'c-count': 1, 'd-count': 10, 'x-limit': 301.8 }), false],
  [
    'numeric: x-limit 301.9 is not = 3.018e2',
    NUMERIC,
    ec2({ 'c-count': 1, 'd-count': 3, 'x-limit': 301.9 }),
    false,
  ],
  [
    'numeric only matches JSON numbers',
    NUMERIC,
    ec2({ 'c-count': '5', 'd-count': 3, 'x-limit': 301.8 }),
    false,
  ],
  [
    'numeric does not match null',
    { detail: { 'c-count': [{ numeric: ['>', 0] }] } },
    ec2({ 'c-count': null }),
    false,
  ],
  ['Price is 100 (numeric =)', { Price: [{ numeric: ['=', 100] }] }, { Price: 100 }, true],
  ['Price more than 10, at most 20: 20', { Price: [{ numeric: ['>', 10, '<=', 20] }] }, { Price: 20 }, true],
  ['Price more than 10, at most 20: 10', { Price: [{ numeric: ['>', 10, '<=', 20] }] }, { Price: 10 }, false],
  ['numeric >= 10, < 20: 10', { Price: [{ numeric: ['>=', 10, '<', 20] }] }, { Price: 10 }, true],
  [
    'numeric on an event array: one element in range',
    { Price: [{ numeric: ['>', 10, '<=', 20] }] },
    { Price: [1, 15] },
    true,
  ],
  [
    'numeric 101.0 > 100 (AWS-verified)',
    { number: [{ numeric: ['>', 100] }] },
    JSON.parse('{"number": 101.0}'),
    true,
  ],

  // IP address matching.
  [
    'cidr 10.0.0.0/24: 10.0.0.33',
    { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    ec2({ sourceIPAddress: '10.0.0.33' }),
    true,
  ],
  [
    'cidr 10.0.0.0/24: 10.0.0.255',
    { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    ec2({ sourceIPAddress: '10.0.0.255' }),
    true,
  ],
  [
    'cidr 10.0.0.0/24: 10.0.1.1',
    { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    ec2({ sourceIPAddress: '10.0.1.1' }),
    false,
  ],
  [
    'cidr: not an IP address',
    { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    ec2({ sourceIPAddress: 'localhost' }),
    false,
  ],
  ['cidr /32 is one address', { ip: [{ cidr: '192.0.2.7/32' }] }, { ip: '192.0.2.7' }, true],
  [
    'cidr IPv6 /64',
    { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] },
    { ip: '2001:db8:1234:1a00::dead:beef' },
    true,
  ],
  [
    'cidr IPv6 /64, written out in full',
    { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] },
    { ip: '2001:0db8:1234:1a00:0000:0000:0000:0010' },
    true,
  ],
  [
    'cidr IPv6 /64: next network',
    { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] },
    { ip: '2001:db8:1234:1a01::1' },
    false,
  ],
  ['cidr IPv6 does not match an IPv4 address', { ip: [{ cidr: '::/0' }] }, { ip: '10.0.0.1' }, false],

  // Exists matching.
  [
    'exists false: the event has no detail.c-count',
    { detail: { 'c-count': [{ exists: false }] } },
    {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    },
    true,
  ],
  [
    'exists false: c-count is not a leaf node',
    { detail: { 'c-count': [{ exists: false }] } },
    {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } },
    },
    true,
  ],
  [
    'exists false: c-count present',
    { detail: { 'c-count': [{ exists: false }] } },
    ec2({ 'c-count': 5 }),
    false,
  ],
  [
    'exists true: description present',
    { detail: { description: [{ exists: true }] } },
    ec2({ description: 'x' }),
    true,
  ],
  ['exists true: description missing', { detail: { description: [{ exists: true }] } }, EC2_EVENT, false],
  ['ProductName exists', { ProductName: [{ exists: true }] }, { ProductName: 'Widget' }, true],
  ['ProductName does not exist', { ProductName: [{ exists: false }] }, { Price: 100 }, true],
  [
    'exists true on a null value',
    { detail: { responseElements: [{ exists: true }] } },
    AUTOSCALING_EVENT,
    true,
  ],
  [
    'exists false on a null value',
    { detail: { responseElements: [{ exists: false }] } },
    AUTOSCALING_EVENT,
    false,
  ],
  ['exists true on a non-empty array', { resources: [{ exists: true }] }, EC2_EVENT, true],
  [
    'exists true on an empty array (AWS-verified)',
    { resources: [{ exists: true }] },
    AUTOSCALING_EVENT,
    false,
  ],
  ['exists false on an empty array', { resources: [{ exists: false }] }, AUTOSCALING_EVENT, true],
  [
    'exists false when the parent is missing',
    { detail: { level1: { level2: [{ exists: false }] } } },
    EC2_EVENT,
    true,
  ],
  [
    'anything-but or exists false on a missing parent (AWS-verified)',
    { dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } } },
    { source: 'order', dynamodb: { NewImage: { purchased: { N: '789' } } } },
    true,
  ],

  // Wildcard matching.
  [
    'EventBusArn wildcard',
    EVENT_BUS_ARN,
    { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' },
    true,
  ],
  [
    'EventBusArn wildcard: other region',
    EVENT_BUS_ARN,
    { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/orders' },
    false,
  ],
  ['.png files within "dir"', { FileName: [{ wildcard: 'dir/*.png' }] }, { FileName: 'dir/photo.png' }, true],
  [
    '.png files within "dir": a .jpg',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/photo.jpg' },
    false,
  ],
  [
    '.png files within "dir": another folder',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'other/photo.png' },
    false,
  ],
  [
    'the wildcard spans slashes',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/sub/photo.png' },
    true,
  ],
  [
    'repeated literal runs after a wildcard (AWS-verified)',
    { FileName: [{ wildcard: '/Users/*/dir/dir/dir/dir/dir/doc.txt' }] },
    { FileName: '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt' },
    true,
  ],
  ['\\* is a literal star', { FileName: [{ wildcard: 'report\\*.txt' }] }, { FileName: 'report*.txt' }, true],
  [
    '\\* matches no other character',
    { FileName: [{ wildcard: 'report\\*.txt' }] },
    { FileName: 'report1.txt' },
    false,
  ],
  ['\\\\ is a literal backslash', { path: [{ wildcard: 'C:\\\\*' }] }, { path: 'C:\\Windows' }, true],
  ['wildcard only matches strings', { code: [{ wildcard: '1*' }] }, { code: 12 }, false],
  [
    'a wildcard may match no characters',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/.png' },
    true,
  ],

  // Complex example with multiple matching.
  [
    'complex example matches',
    COMPLEX,
    ec2({ state: 'running', 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 }, { time: '2017-10-02T16:24:49Z' }),
    true,
  ],
  [
    'complex example: x-limit 200 is excluded',
    COMPLEX,
    ec2({ state: 'running', 'c-count': 5, 'd-count': 3, 'x-limit': 200 }, { time: '2017-10-02T16:24:49Z' }),
    false,
  ],
  [
    'complex example: state initializing',
    COMPLEX,
    ec2(
      { state: 'initializing', 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 },
      { time: '2017-10-02T16:24:49Z' },
    ),
    false,
  ],

  // Complex example with $or matching.
  ['$or: d-count < 10 suffices', OR_NUMERIC, ec2({ 'c-count': 0, 'd-count': 0, 'x-limit': 9.018e2 }), true],
  ['$or: no branch matches', OR_NUMERIC, ec2({ 'c-count': 0, 'd-count': 10, 'x-limit': 9.018e2 }), false],
  ['$or: only x-limit present and equal', OR_NUMERIC, ec2({ 'x-limit': 301.8 }), true],
  [
    'Location is "New York", or Day is "Monday": Monday',
    { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    { Location: 'Boston', Day: 'Monday' },
    true,
  ],
  [
    'Location is "New York", or Day is "Monday": neither',
    { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    { Location: 'Boston', Day: 'Tuesday' },
    false,
  ],
  [
    'source and ($or metricName, namespace): namespace',
    SOURCE_AND_OR,
    { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    true,
  ],
  ['source and ($or ...): wrong source', SOURCE_AND_OR, { source: 'aws.ec2', namespace: 'AWS/ES' }, false],
  [
    '$or branch with an AND inside: both fields needed',
    { $or: [{ metricName: ['CPUUtilization'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2'] }] },
    { metricType: 'MetricType', namespace: 'AWS/ES' },
    false,
  ],
  [
    'nested $or inside an $or branch',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    },
    { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 },
    true,
  ],
  [
    '$or at two levels must both hold',
    {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    },
    { namespace: 'AWS/EC2', detail: { source: 'aws.s3', 'detail-type': 'Other' } },
    false,
  ],
  [
    '$or with exists false',
    { detail: { $or: [{ state: ['terminated'] }, { state: [{ exists: false }] }] } },
    ec2({ 'instance-id': 'i-1' }),
    true,
  ],
];

describe('matchesEventPattern', () => {
  test('the table has at least 80 documented cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  test.each(CASES)('%s', (_name, pattern, event, expected) => {
    expect(validateEventPattern(pattern)).toEqual({ ok: true });
    expect(matchesEventPattern(pattern, event)).toBe(expected);
  });

  test('an event that is not a JSON object matches nothing', () => {
    for (const event of [null, 'aws.ec2', 42, [EC2_EVENT]]) {
      expect(matchesEventPattern({ source: ['aws.ec2'] }, event)).toBe(false);
    }
  });
});

type ValidationCase = [name: string, pattern: unknown, expected: true | string];

const VALIDATION_CASES: ValidationCase[] = [
  ['the EC2 termination pattern', EC2_TERMINATED, true],
  ['the complex example', COMPLEX, true],
  ['the $or example', OR_NUMERIC, true],
  ['anything-but wildcard ""', { FilePath: [{ 'anything-but': { wildcard: '' } }] }, true],
  ['equals-ignore-case ""', { Name: [{ 'equals-ignore-case': '' }] }, true],
  ['an IPv6 cidr', { ip: [{ cidr: '2001:db8::/32' }] }, true],
  ['$or given an object is a plain field name', { $or: { metricType: ['MetricType'] } }, true],
  ['a pattern that is an array', ['not', 'a', 'dict'], 'Filter is not an object'],
  ['a pattern that is a string', 'aws.ec2', 'Filter is not an object'],
  ['a pattern that is null', null, 'Filter is not an object'],
  ['an empty pattern', {}, 'Empty objects are not allowed'],
  ['an empty nested object', { detail: {} }, 'detail: Empty objects are not allowed'],
  ['a string leaf', { string: 'my-value' }, '"string" must be an object or an array'],
  ['a number leaf', { int: 42 }, '"int" must be an object or an array'],
  ['a nested null leaf', { detail: { state: null } }, 'detail: "state" must be an object or an array'],
  ['an empty array', { resources: [] }, 'resources: Empty arrays are not allowed'],
  [
    'an array inside the value array',
    { source: [['aws.ec2']] },
    'Match value must be String, number, true, false, or null',
  ],
  ['an unknown operator', { type: [{ contains: 'Normal' }] }, 'Unrecognized match type contains'],
  ['operators are case-sensitive', { my_key: [{ EXISTS: true }] }, 'Unrecognized match type EXISTS'],
  ['NUMERIC in capitals', { detail: { equal: [{ NUMERIC: ['=', 5] }] } }, 'Unrecognized match type NUMERIC'],
  [
    'two keys in one match expression',
    { a: [{ prefix: 'x', suffix: 'y' }] },
    'Only one key allowed in match expression',
  ],
  ['an empty match expression', { a: [{}] }, 'Only one key allowed in match expression'],
  ['prefix given a number', { time: [{ prefix: 123 }] }, 'prefix match pattern must be a string'],
  ['prefix given a list', { time: [{ prefix: ['2022-07-13'] }] }, 'prefix match pattern must be a string'],
  [
    'prefix given another nested operator',
    { time: [{ prefix: { suffix: 'x' } }] },
    'prefix match pattern must be a string',
  ],
  ['suffix given a list', { FileName: [{ suffix: ['.png'] }] }, 'suffix match pattern must be a string'],
  [
    'equals-ignore-case given a list',
    { 'detail-type': [{ 'equals-ignore-case': ['ec2'] }] },
    'equals-ignore-case match pattern must be a string',
  ],
  [
    'equals-ignore-case given prefix',
    { 'detail-type': [{ 'equals-ignore-case': { prefix: 'ec2' } }] },
    'equals-ignore-case match pattern must be a string',
  ],
  [
    'exists given a string',
    { a: [{ exists: 'true' }] },
    'exists match pattern must be either true or false.',
  ],
  [
    'anything-but nested in anything-but',
    { a: [{ 'anything-but': { 'anything-but': 'x' } }] },
    'Unsupported anything-but pattern: anything-but',
  ],
  [
    'anything-but with numeric',
    { a: [{ 'anything-but': { numeric: ['>', 1] } }] },
    'Unsupported anything-but pattern: numeric',
  ],
  [
    'anything-but null',
    { detail: { state: [{ 'anything-but': null }] } },
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    'anything-but true',
    { a: [{ 'anything-but': true }] },
    'Value of anything-but must be an array or single string/number value.',
  ],
  ['anything-but []', { a: [{ 'anything-but': [] }] }, 'Empty arrays are not allowed'],
  [
    'anything-but list with null',
    { detail: { state: [{ 'anything-but': ['stopped', null] }] } },
    'only all strings or all numbers',
  ],
  [
    'anything-but list of strings and numbers',
    { a: [{ 'anything-but': ['stopped', 1] }] },
    'only all strings or all numbers',
  ],
  [
    'anything-but prefix ""',
    { FileName: [{ 'anything-but': { prefix: '' } }] },
    'Null prefix/suffix not allowed',
  ],
  [
    'anything-but suffix 123',
    { FileName: [{ 'anything-but': { suffix: 123 } }] },
    'prefix/suffix match pattern must be a string',
  ],
  [
    'anything-but prefix [123, "test"]',
    { state: [{ 'anything-but': { prefix: [123, 'test'] } }] },
    'prefix/suffix match pattern must be a string',
  ],
  [
    'anything-but prefix ignoring case',
    { FileName: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] },
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    'anything-but equals-ignore-case 123',
    { state: [{ 'anything-but': { 'equals-ignore-case': 123 } }] },
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  ],
  [
    'anything-but wildcard [123, "*/dir/*"]',
    { state: [{ 'anything-but': { wildcard: [123, '*/dir/*'] } }] },
    'wildcard match pattern must be a string',
  ],
  ['numeric not an array', { a: [{ numeric: '>' }] }, 'Value of numeric must be an array.'],
  ['numeric []', { a: [{ numeric: [] }] }, 'Invalid member in numeric match: ]'],
  ['numeric "!=" operator', { a: [{ numeric: ['!=', 5] }] }, 'Unrecognized numeric range operator: !='],
  ['numeric bound as a string', { a: [{ numeric: ['=', '5'] }] }, 'Value of equals must be numeric'],
  [
    'numeric ">" twice',
    { detail: { 'c-count': [{ numeric: ['>', 0, '>', 0] }] } },
    'Bad numeric range operator: >',
  ],
  [
    'numeric range missing its top',
    { detail: { 'c-count': [{ numeric: ['>', 0, '<'] }] } },
    'Value of < must be numeric',
  ],
  [
    'numeric range starting with "<"',
    { a: [{ numeric: ['<', 5, '>', 1] }] },
    'Too many elements in numeric expression',
  ],
  ['numeric range bottom above top', { a: [{ numeric: ['>', 5, '<', 1] }] }, 'Bottom must be less than top'],
  [
    'numeric range bottom equal to top',
    { a: [{ numeric: ['>=', 5, '<=', 5] }] },
    'Bottom must be less than top',
  ],
  [
    'numeric range with a third term',
    { a: [{ numeric: ['>', 0, '<', 5, '<', 6] }] },
    'Too many terms in numeric range expression',
  ],
  ['cidr without a mask', { ip: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required"],
  [
    'cidr with a non-integer mask',
    { ip: [{ cidr: '10.0.0.0/xx' }] },
    'Malformed CIDR, mask bits must be an integer',
  ],
  ['cidr with a bad address', { ip: [{ cidr: 'xx.11.xx/24' }] }, 'Nonstandard IP address: xx.11.xx'],
  [
    'cidr with a bad IPv6 address',
    { ip: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] },
    'Nonstandard IP address: xxxx:db8:1234:1a00::',
  ],
  ['cidr mask over 32 for IPv4', { ip: [{ cidr: '10.0.0.0/33' }] }, 'mask bits must be between 0 and 32'],
  ['cidr given a list', { ip: [{ cidr: ['10.0.0.0/24'] }] }, 'cidr match pattern must be a string'],
  [
    'wildcard given a number',
    { EventBusArn: [{ wildcard: 123 }] },
    'wildcard match pattern must be a string',
  ],
  [
    'wildcard with consecutive stars',
    { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] },
    'Consecutive wildcard characters at pos 26',
  ],
  [
    'wildcard escaping another character',
    { FileName: [{ wildcard: 'dir\\/*.png' }] },
    'Invalid escape character',
  ],
  ['$or with one branch', { $or: [{ source: ['aws.ec2'] }] }, 'Unrecognized match type source'],
  [
    '$or branch that is invalid',
    { $or: [{ source: ['aws.ec2'] }, { detail: { state: 'x' } }] },
    '"state" must be an object or an array',
  ],
];

describe('validateEventPattern', () => {
  test.each(VALIDATION_CASES)('%s', (_name, pattern, expected) => {
    const result = validateEventPattern(pattern);
    if (expected === true) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toContain(expected);
    }
  });
});

describe('properties', () => {
  const validPatterns = [
    ...CASES.map(([, pattern]) => pattern),
    ...VALIDATION_CASES.filter(([, , expected]) => expected === true).map(([, pattern]) => pattern),
  ];
  const envelope = fc.record({
    source: fc.jsonValue(),
    'detail-type': fc.jsonValue(),
    resources: fc.jsonValue(),
    detail: fc.jsonValue(),
  });

  test('the matcher never throws on arbitrary JSON events', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), envelope), (event) => {
        for (const pattern of validPatterns) {
          expect(typeof matchesEventPattern(pattern, event)).toBe('boolean');
        }
      }),
      { numRuns: 200 },
    );
  });

  const scalar = fc.oneof(
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const flatObject = fc.dictionary(fc.string(), scalar, { minKeys: 1 });
  const event = fc.dictionary(fc.string(), fc.oneof(scalar, flatObject), { minKeys: 1 });

  /** `{ key: [value] }` for every scalar, nested objects kept; built with defineProperty-safe fromEntries. */
  function exactPattern(source: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(source).map(([key, value]) => [
        key,
        typeof value === 'object' && value !== null
          ? exactPattern(value as Record<string, unknown>)
          : [value],
      ]),
    );
  }

  test("an exact pattern built from an event's own scalar fields matches that event", () => {
    fc.assert(
      fc.property(event, (generated) => {
        const pattern = exactPattern(generated);
        expect(validateEventPattern(pattern)).toEqual({ ok: true });
        expect(matchesEventPattern(pattern, generated)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
