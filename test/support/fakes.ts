import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { Mailer, OutgoingEmail } from '#shared/ports/mailer.ts';
import type { RateLimiter } from '#shared/ports/rate-limiter.ts';
import type { UnmatchedReason, UnmatchedScans } from '#shared/ports/unmatched-scans.ts';
import type { Workflow } from '#shared/ports/workflow.ts';

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Records starts and resumes; a token is accepted once, like Step Functions. */
export class FakeWorkflow implements Workflow {
  readonly started = new Map<string, { onboardingId: string }>();
  readonly resumed: { taskToken: string; output: object }[] = [];
  readonly #used = new Set<string>();

  async start(name: string, input: { onboardingId: string }) {
    if (this.started.has(name)) return { started: false };
    this.started.set(name, input);
    return { started: true };
  }

  async resume(taskToken: string, output: object): Promise<'resumed' | 'gone'> {
    if (this.#used.has(taskToken)) return 'gone';
    this.#used.add(taskToken);
    this.resumed.push({ taskToken, output });
    return 'resumed';
  }
}

export class FakeMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail) {
    this.sent.push(email);
    return { messageId: `msg-${this.sent.length}` };
  }
}

export class FakeUnmatchedScans implements UnmatchedScans {
  readonly kept: { scanId: string; reason: UnmatchedReason }[] = [];
  readonly #byPerson: { identityHash: string; at: Date; scan: ScanCompletedDetail }[] = [];
  async keep(scan: ScanCompletedDetail, reason: UnmatchedReason, at: Date, identityHash?: string) {
    this.kept.push({ scanId: scan.scanId, reason });
    if (identityHash) this.#byPerson.push({ identityHash, at, scan });
  }
  async newestFor(identityHash: string, since: Date) {
    return this.#byPerson
      .filter((kept) => kept.identityHash === identityHash && kept.at >= since)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0]?.scan;
  }
}

/** Fixed-window counters in memory, like the DynamoDB limiter. */
export class FakeRateLimiter implements RateLimiter {
  readonly counts = new Map<string, number>();
  async take(key: string, limit: number, windowSeconds: number, at: Date): Promise<boolean> {
    const window = `${key}#${Math.floor(at.getTime() / 1000 / windowSeconds)}`;
    const count = this.counts.get(window) ?? 0;
    if (count >= limit) return false;
    this.counts.set(window, count + 1);
    return true;
  }
}
