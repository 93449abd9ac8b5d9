import { createHash, randomBytes } from 'node:crypto';
import { type JsonValue, parseJson } from '../aws-json.ts';
import { StepFunctionsServiceError } from './errors.ts';
import type { KeptTaskOutcome } from './records.ts';
import { optionalString, requireString } from './requests.ts';

// Opaque like AWS's tokens: a fixed prefix and 384 random bits, base64url. The shape lets a
// garbage string be told apart (InvalidToken) from a well-formed token nobody issued (TaskDoesNotExist).
const TOKEN_PREFIX = 'AQ';
const TOKEN_PATTERN = /^AQ[A-Za-z0-9_-]{64}$/;
const MAX_TOKEN_LENGTH = 2048;

export function mintTaskToken(): string {
  return TOKEN_PREFIX + randomBytes(48).toString('base64url');
}

/** Tokens are indexed by hash so used tokens can be remembered (and persisted) without keeping them. */
export function hashTaskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type TaskOutcome =
  | { ok: true; output: JsonValue; outputText: string }
  | { ok: false; error: string; cause: string };

interface TokenEntry {
  executionArn: string;
  open: boolean;
  outcome?: TaskOutcome;
  onOutcome?: (outcome: TaskOutcome) => void;
  onHeartbeat?: () => void;
}

/** The outcome as an execution record keeps it (`outcomeOf` reads it back). */
function keptOutcome(tokenHash: string, outcome: TaskOutcome): KeptTaskOutcome {
  return outcome.ok
    ? { tokenHash, ok: true, output: outcome.outputText }
    : { tokenHash, ok: false, error: outcome.error, cause: outcome.cause };
}

export function outcomeOf(kept: KeptTaskOutcome): TaskOutcome {
  if (!kept.ok) return { ok: false, error: kept.error, cause: kept.cause };
  return { ok: true, output: parseJson(kept.output)?.value ?? null, outputText: kept.output };
}

export interface TaskTokenRegistryOptions {
  /**
   * Called with each SendTaskSuccess/Failure outcome before the task hears of it and before the
   * request is answered: where the outcome is made durable.
   */
  onOutcome?(executionArn: string, outcome: KeptTaskOutcome): void;
}

/** Every task token issued: open ones wait for SendTask*, closed ones answer TaskTimedOut. */
export class TaskTokenRegistry {
  readonly #entries = new Map<string, TokenEntry>();
  readonly #onOutcome: TaskTokenRegistryOptions['onOutcome'];

  constructor(options: TaskTokenRegistryOptions = {}) {
    this.#onOutcome = options.onOutcome;
  }

  /** Opens a token; an outcome sent before the task listens is kept for it. */
  open(tokenHash: string, executionArn: string): void {
    this.#entries.set(tokenHash, { executionArn, open: true });
  }

  /** Remembers a token that can no longer complete (loaded from disk, timed out, execution ended). */
  remember(tokenHash: string, executionArn: string): void {
    if (!this.#entries.has(tokenHash)) this.#entries.set(tokenHash, { executionArn, open: false });
  }

  /** Puts back an outcome kept from before a restart, for the resumed task to listen to. */
  restore(tokenHash: string, outcome: TaskOutcome): void {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) return;
    entry.outcome = outcome;
    entry.open = false;
  }

  /** True once SendTaskSuccess/Failure came for the token (its task must not be called again). */
  hasOutcome(tokenHash: string): boolean {
    return this.#entries.get(tokenHash)?.outcome !== undefined;
  }

  close(tokenHash: string): void {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) return;
    entry.open = false;
    entry.onOutcome = undefined;
    entry.onHeartbeat = undefined;
  }

  /**
   * Calls `onOutcome` once with the SendTaskSuccess/Failure result (at once if it already came).
   * Returns `detach`: an outcome arriving after it is kept for the next listener (a re-armed wait).
   */
  listen(tokenHash: string, onOutcome: (outcome: TaskOutcome) => void, onHeartbeat: () => void): () => void {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) return () => {};
    if (entry.outcome !== undefined) {
      onOutcome(entry.outcome);
      return () => {};
    }
    entry.onOutcome = onOutcome;
    entry.onHeartbeat = onHeartbeat;
    return () => {
      if (entry.onOutcome !== onOutcome) return;
      entry.onOutcome = undefined;
      entry.onHeartbeat = undefined;
    };
  }

  succeed(token: unknown, output: unknown): void {
    const outputText = requireString(output, 'output', 262_144);
    const tokenHash = this.#openHash(token);
    const parsed = parseJson(outputText);
    if (parsed === undefined)
      throw new StepFunctionsServiceError('InvalidOutput', `Invalid Output: '${outputText}'`);
    this.#settle(tokenHash, { ok: true, output: parsed.value, outputText });
  }

  fail(token: unknown, error: unknown, cause: unknown): void {
    const errorText = optionalString(error, 'error', 256) ?? '';
    const causeText = optionalString(cause, 'cause', 32_768) ?? '';
    this.#settle(this.#openHash(token), { ok: false, error: errorText, cause: causeText });
  }

  heartbeat(token: unknown): void {
    const entry = this.#entries.get(this.#openHash(token));
    entry?.onHeartbeat?.();
  }

  #openHash(token: unknown): string {
    const text = requireString(token, 'taskToken', MAX_TOKEN_LENGTH);
    if (!TOKEN_PATTERN.test(text))
      throw new StepFunctionsServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
    const tokenHash = hashTaskToken(text);
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) throw new StepFunctionsServiceError('TaskDoesNotExist', 'Task Does Not Exist');
    if (!entry.open || entry.outcome !== undefined) {
      throw new StepFunctionsServiceError(
        'TaskTimedOut',
        "Task Timed Out: 'Provided task does not exist anymore'",
      );
    }
    return tokenHash;
  }

  #settle(tokenHash: string, outcome: TaskOutcome): void {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined) return;
    this.#onOutcome?.(entry.executionArn, keptOutcome(tokenHash, outcome));
    const listener = entry.onOutcome;
    entry.outcome = outcome;
    entry.open = false;
    entry.onOutcome = undefined;
    entry.onHeartbeat = undefined;
    listener?.(outcome);
  }
}
