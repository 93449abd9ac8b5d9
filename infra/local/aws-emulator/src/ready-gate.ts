import { awsJsonError } from './aws-json.ts';
import type { LocalService } from './edge.ts';

/**
 * Holds the requests of services whose answers depend on what the caller wires up after start-up
 * (rules and targets, state machines) until `open()`: a PutEvents answered before its rule exists
 * would be routed nowhere, a StartExecution before its state machine exists would fail. Closing
 * before opening answers what is held with ServiceUnavailable rather than leaving it hanging.
 */
export class ReadyGate {
  readonly #opened = Promise.withResolvers<boolean>();
  #state: 'waiting' | 'open' | 'closed' = 'waiting';

  open(): void {
    if (this.#state !== 'waiting') return;
    this.#state = 'open';
    this.#opened.resolve(true);
  }

  close(): void {
    if (this.#state !== 'waiting') return;
    this.#state = 'closed';
    this.#opened.resolve(false);
  }

  /** The service behind the gate: its requests wait for `open()`. */
  hold(service: LocalService): LocalService {
    return {
      handle: async (target, body) => {
        if (!(await this.#opened.promise)) {
          return awsJsonError('ServiceUnavailable', 'The local stack stopped before it was ready', 503);
        }
        return service.handle(target, body);
      },
    };
  }
}
