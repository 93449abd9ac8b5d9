import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type IdentityChecks, type IdentityLockPolicy, identityLock } from '#shared/domain/identity-lock.ts';
import type { Onboarding, WaitKind } from '#shared/domain/onboarding/onboarding.ts';
import { type HistoryEntry, planTransition } from '#shared/domain/onboarding/stages.ts';
import {
  type NewOnboarding,
  OnboardingNotFoundError,
  type OnboardingRepository,
  StaleOnboardingError,
  type Transition,
} from '#shared/ports/onboarding-repository.ts';
import { ONBOARDING_TABLE } from './onboarding-table.ts';

const PK = ONBOARDING_TABLE.partitionKey.name;

/** Rounds of reserveIdentityTry before giving up; only concurrent tries on one record use more than one. */
const IDENTITY_TRY_ROUNDS = 5;

/** One UpdateItem. `#name` placeholders map to the attribute of the same name (see namesIn). */
interface Write {
  set?: string[];
  remove?: string[];
  add?: string[];
  condition: string;
  values?: Record<string, unknown>;
  /** Stored as updatedAt (ISO 8601). */
  now: string;
}

/**
 * The onboarding repository on DynamoDB: one item per onboarding, the Onboarding object plus the
 * key `pk` (= onboardingId). Every write is a single-item conditional write, because dynalite (the
 * local stack) has no transactions.
 *
 * Versioning: every write, not only stage changes, bumps `version` and `updatedAt`. A caller that
 * decided something on a read (e.g. "this link is current, create the account") then fails with
 * StaleOnboardingError if anything at all changed since, instead of acting on an outdated record.
 *
 * `updatedAt` is the time the caller passed (transition.at, wait.since, ...).
 *
 * The client must be built with `marshallOptions: { removeUndefinedValues: true }`: optional fields
 * a caller left `undefined` are then not stored (instead of failing the marshalling).
 */
export class DynamoDbOnboardingRepository implements OnboardingRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async create(input: NewOnboarding): Promise<{ created: boolean; onboarding: Onboarding }> {
    const first: HistoryEntry = { at: input.createdAt, from: null, to: input.stage, cause: 'card-ordered' };
    const onboarding: Onboarding = { ...input, version: 1, updatedAt: input.createdAt, history: [first] };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [PK]: input.onboardingId, ...onboarding },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
      return { created: true, onboarding };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const stored = await this.get(input.onboardingId);
    // It existed a moment ago; gone now means its retention ended (TTL) between the two calls.
    if (!stored) throw new OnboardingNotFoundError(input.onboardingId);
    return { created: false, onboarding: stored };
  }

  async get(onboardingId: string): Promise<Onboarding | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: onboardingId }, ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  /**
   * Plans the move from the stage the caller read (an illegal move fails without a write) and
   * writes it on condition that version and stage are still the ones the caller read. Every caller
   * has just read the record, so reading it again here would only cost a round trip; the record
   * is read only when the condition fails, to tell a missing record from a stale read.
   */
  async transition(onboardingId: string, transition: Transition): Promise<Onboarding> {
    const entry = planTransition(
      transition.from,
      transition.to,
      transition.cause,
      transition.at,
      transition.detail,
    );

    const set = ['#stage = :to', '#history = list_append(#history, :entry)'];
    const remove: string[] = [];
    const values: Record<string, unknown> = {
      ':to': transition.to,
      ':entry': [entry],
      ':expected': transition.expectedVersion,
      ':from': transition.from,
    };
    const { link, wait, identityChecks, account, scan } = transition.changes ?? {};
    if (link === null) remove.push('#link');
    else if (link) {
      set.push('#link = :link');
      values[':link'] = link;
    }
    if (wait === null) remove.push('#wait');
    else if (wait) {
      set.push('#wait = :wait');
      values[':wait'] = wait;
    }
    if (identityChecks === null) remove.push('#identityChecks');
    else if (identityChecks) {
      set.push('#identityChecks = :identityChecks');
      values[':identityChecks'] = identityChecks;
    }
    if (account) {
      set.push('#account = :account');
      values[':account'] = account;
    }
    if (scan) {
      set.push('#scans = list_append(if_not_exists(#scans, :noScans), :scan)');
      values[':noScans'] = [];
      values[':scan'] = [scan];
    }

    const updated = await this.write(onboardingId, {
      set,
      remove,
      condition: '#version = :expected AND #stage = :from',
      values,
      now: transition.at.toISOString(),
    });
    if (updated) return updated;
    // The condition failed: someone else wrote since the caller's read, or the record is gone.
    if (!(await this.get(onboardingId))) throw new OnboardingNotFoundError(onboardingId);
    throw new StaleOnboardingError(onboardingId, transition.expectedVersion);
  }

  /** Newest first. The GSI is eventually consistent: a record created a moment ago may be missing. */
  async findByIdentityHash(identityHash: string): Promise<Onboarding[]> {
    const found: Onboarding[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: ONBOARDING_TABLE.identityIndex.name,
          KeyConditionExpression: '#hash = :hash',
          ExpressionAttributeNames: { '#hash': ONBOARDING_TABLE.identityIndex.partitionKey },
          ExpressionAttributeValues: { ':hash': identityHash },
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) found.push(fromItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async storeWait(
    onboardingId: string,
    wait: { kind: WaitKind; taskToken: string; since: Date; expectedVersion?: number },
  ): Promise<void> {
    const since = wait.since.toISOString();
    const versioned = wait.expectedVersion !== undefined;
    const updated = await this.write(onboardingId, {
      set: ['#wait = :wait'],
      condition: versioned ? 'attribute_exists(#pk) AND #version = :expected' : 'attribute_exists(#pk)',
      values: {
        ':wait': { kind: wait.kind, taskToken: wait.taskToken, since },
        ...(versioned ? { ':expected': wait.expectedVersion } : {}),
      },
      now: since,
    });
    if (updated) return;
    if (versioned && (await this.get(onboardingId))) {
      throw new StaleOnboardingError(onboardingId, wait.expectedVersion as number);
    }
    throw new OnboardingNotFoundError(onboardingId);
  }

  /**
   * One of three single-item conditional writes counts the try: in the current window (tries
   * left, window not over), as the first of a new window (the old one over), or as the very first
   * try. None applies when entry is locked or blocked: then nothing is written and the stored state
   * is returned. Counting and the limits are one write, so no burst of concurrent tries can get
   * more than the window's tries compared, and no lock can be missed.
   */
  async reserveIdentityTry(
    onboardingId: string,
    at: Date,
    policy: IdentityLockPolicy,
  ): Promise<{ reserved: boolean; checks: IdentityChecks }> {
    const now = at.toISOString();
    const cap = policy.lifetimeCap;
    const floor = new Date(at.getTime() - policy.windowSeconds * 1000).toISOString();
    for (let round = 0; round < IDENTITY_TRY_ROUNDS; round++) {
      const counted =
        (await this.write(onboardingId, {
          add: ['#identityChecks.#tries :one', '#identityChecks.#total :one'],
          condition:
            '#identityChecks.#windowStart > :floor AND #identityChecks.#tries < :max AND #identityChecks.#total < :cap',
          values: { ':floor': floor, ':max': policy.maxTries, ':cap': cap },
          now,
        })) ??
        (await this.write(onboardingId, {
          set: ['#identityChecks.#tries = :one', '#identityChecks.#windowStart = :now'],
          add: ['#identityChecks.#total :one'],
          condition: '#identityChecks.#windowStart <= :floor AND #identityChecks.#total < :cap',
          values: { ':floor': floor, ':cap': cap },
          now,
        })) ??
        (await this.write(onboardingId, {
          set: ['#identityChecks = :first'],
          condition: 'attribute_exists(#pk) AND attribute_not_exists(#identityChecks)',
          values: { ':first': { tries: 1, windowStart: now, total: 1 } },
          now,
        }));
      if (counted?.identityChecks) return { reserved: true, checks: counted.identityChecks };
      const current = await this.get(onboardingId);
      if (!current) throw new OnboardingNotFoundError(onboardingId);
      const checks = current.identityChecks;
      // Refused because entry is closed: say so. Otherwise a concurrent try changed the record
      // between the three conditions; the next round decides on the new state.
      if (checks && identityLock(checks, at, policy).state !== 'open') return { reserved: false, checks };
    }
    throw new StaleOnboardingError(onboardingId, 0);
  }

  /** A missing onboarding or checks cleared meanwhile (the account exists) leave nothing to give back. */
  async releaseIdentityTry(onboardingId: string, at: Date): Promise<void> {
    await this.write(onboardingId, {
      add: ['#identityChecks.#tries :minusOne', '#identityChecks.#total :minusOne'],
      condition: '#identityChecks.#tries > :zero AND #identityChecks.#total > :zero',
      values: { ':minusOne': -1, ':zero': 0 },
      now: at.toISOString(),
    });
  }

  async recordFailure(onboardingId: string, failure: NonNullable<Onboarding['failure']>): Promise<void> {
    const updated = await this.write(onboardingId, {
      set: ['#failure = :failure'],
      condition: 'attribute_exists(#pk)',
      values: { ':failure': failure },
      now: failure.at,
    });
    if (!updated) throw new OnboardingNotFoundError(onboardingId);
  }

  /** One conditional UpdateItem that also bumps version and updatedAt; undefined if the condition failed. */
  private async write(onboardingId: string, write: Write): Promise<Onboarding | undefined> {
    const set = ['#version = #version + :one', '#updatedAt = :now', ...(write.set ?? [])];
    const clauses = [`SET ${set.join(', ')}`];
    if (write.remove?.length) clauses.push(`REMOVE ${write.remove.join(', ')}`);
    if (write.add?.length) clauses.push(`ADD ${write.add.join(', ')}`);
    const updateExpression = clauses.join(' ');
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [PK]: onboardingId },
          UpdateExpression: updateExpression,
          ConditionExpression: write.condition,
          ExpressionAttributeNames: namesIn(updateExpression, write.condition),
          ExpressionAttributeValues: { ':one': 1, ':now': write.now, ...write.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? fromItem(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }
}

/**
 * Every attribute goes through a `#name` placeholder (some names, like `stage`, may be reserved
 * words); DynamoDB refuses unused placeholders, so the map holds exactly those in the expressions.
 */
function namesIn(...expressions: string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [placeholder, name = ''] of expressions.join(' ').matchAll(/#(\w+)/g)) names[placeholder] = name;
  return names;
}

function fromItem(item: Record<string, unknown>): Onboarding {
  const { [PK]: _key, ...onboarding } = item;
  return onboarding as unknown as Onboarding;
}

/** By name, so a second copy of the SDK in the bundle cannot break an instanceof check. */
function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
