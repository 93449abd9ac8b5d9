import { type ScanScenario, sampleCardOrder, sampleScan } from '#infra/local/sample-worker.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import { DynamoDbOnboardingRepository } from '#shared/adapters/dynamodb-onboarding-repository.ts';
import { luhnCheckDigit } from '#shared/domain/identity-number/se.ts';
import { documentClient } from './dynalite.ts';

/** Test data and the worker's clicks through the pages, against a running local stack. */

let counter = 0;

export interface Person {
  identityNumber: string;
  birthDate: string;
}

/** The sample worker's number and birth date (infra/local/sample-worker.ts). */
export const FIXTURE_PERSON: Person = { identityNumber: '19880320-0016', birthDate: '1988-03-20' };

/** A distinct, valid Swedish personnummer per index (Luhn over YYMMDDNNN), for many workers at once. */
export function swedishPerson(index: number): Person {
  const date = new Date(Date.UTC(1970, 0, 1) + (index % 10_000) * 86_400_000);
  const birthDate = date.toISOString().slice(0, 10);
  const serial = String(1 + Math.floor(index / 10_000) * 2 + (index % 2)).padStart(3, '0');
  const check = luhnCheckDigit(`${birthDate.slice(2).replaceAll('-', '')}${serial}`);
  return { identityNumber: `${birthDate.replaceAll('-', '')}-${serial}${check}`, birthDate };
}

/** The Swedish worker's CardOrdered detail with a fresh order id and the given email. */
export function cardOrder(email: string, person: Person = FIXTURE_PERSON) {
  const detail = sampleCardOrder();
  detail.orderId = `IT-${Date.now()}-${counter++}`;
  detail.cardholder.email = email;
  detail.cardholder.identityNumber = person.identityNumber;
  detail.cardholder.birthDate = person.birthDate;
  return detail;
}

/** A Sistec scan fixture of the person with a fresh scan id. */
export function scanOf(name: ScanScenario, person: Person = FIXTURE_PERSON) {
  const detail = sampleScan(name);
  detail.scanId = `SCN-${Date.now()}-${counter++}`;
  detail.identity.identityNumber = person.identityNumber;
  detail.identity.birthDate = person.birthDate;
  detail.document.birthDate = person.birthDate;
  return detail;
}

/** The onboarding as the app's own repository reads it. */
export async function storedOnboarding(stack: LocalStack, onboardingId: string) {
  const client = documentClient(stack.edgeUrl);
  const onboarding = await new DynamoDbOnboardingRepository(client, stack.tableName).get(onboardingId);
  client.destroy();
  return onboarding;
}

export async function stageOf(stack: LocalStack, onboardingId: string): Promise<string | undefined> {
  return (await storedOnboarding(stack, onboardingId))?.stage;
}

export function linkIn(text: string): string {
  const link = /http:\/\/127\.0\.0\.1:\d+\/account\/start\?token=\S+/.exec(text)?.[0];
  if (!link) throw new Error('No account link in the email');
  return link;
}

function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function csrfOf(html: string): string {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

const FORM = 'application/x-www-form-urlencoded';

/** Follows an emailed link: start page, identity number, then password and terms. Returns each step's status. */
export async function createAccount(link: string, identityNumber: string) {
  const base = new URL(link).origin;
  const page = await fetch(link, { redirect: 'manual' });
  const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1];
  if (page.status !== 200 || token === undefined) return { startStatus: page.status, location: null };
  // *Sign in after manual ID verification*: the start page's form posts the token back.
  const start = await fetch(`${base}/account/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': FORM, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ token }),
  });
  if (start.status !== 303) return { startStatus: start.status, location: start.headers.get('location') };
  const cookie = cookieOf(start);
  const form = await (await fetch(`${base}/account`, { headers: { cookie } })).text();
  const identity = await fetch(`${base}/account/identity`, {
    method: 'POST',
    headers: { cookie, 'content-type': FORM },
    body: new URLSearchParams({ csrf: csrfOf(form), identityNumber }),
  });
  const accountForm = await identity.text();
  const created = await fetch(`${base}/account`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': FORM },
    body: new URLSearchParams({
      csrf: csrfOf(accountForm),
      identityNumber,
      password: 'blue tractor sings at dawn',
      terms: 'accepted',
    }),
  });
  return {
    startStatus: start.status,
    location: start.headers.get('location'),
    identityStatus: identity.status,
    createdStatus: created.status,
  };
}
