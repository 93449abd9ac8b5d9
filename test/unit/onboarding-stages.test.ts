import {
  CAUSES,
  canTransition,
  IllegalTransitionError,
  isFinalStage,
  isStage,
  planTransition,
  STAGES,
  type Stage,
} from '#shared/domain/onboarding/stages.ts';

// The flow as docs/architecture.md states it, written out here rather than read from the code under test.
const ALLOWED: [Stage, Stage][] = [
  ['CARD_ORDERED', 'AWAITING_SCAN'],
  ['CARD_ORDERED', 'EXPIRED'],
  ['CARD_ORDERED', 'CANCELLED'],
  ['AWAITING_SCAN', 'SCAN_REJECTED'],
  ['AWAITING_SCAN', 'LINK_EMAILED'],
  ['AWAITING_SCAN', 'EXPIRED'],
  ['AWAITING_SCAN', 'CANCELLED'],
  ['SCAN_REJECTED', 'AWAITING_SCAN'],
  ['SCAN_REJECTED', 'EXPIRED'],
  ['SCAN_REJECTED', 'CANCELLED'],
  ['LINK_EMAILED', 'LINK_EMAILED'],
  ['LINK_EMAILED', 'ACCOUNT_CREATED'],
  ['LINK_EMAILED', 'EXPIRED'],
  ['LINK_EMAILED', 'CANCELLED'],
];

const ILLEGAL: [Stage, Stage, string][] = [
  ['CARD_ORDERED', 'LINK_EMAILED', 'skips the scan'],
  ['CARD_ORDERED', 'ACCOUNT_CREATED', 'skips scan and link'],
  ['CARD_ORDERED', 'CARD_ORDERED', 'orders twice'],
  ['AWAITING_SCAN', 'ACCOUNT_CREATED', 'skips the link'],
  ['AWAITING_SCAN', 'AWAITING_SCAN', 'waits twice'],
  ['SCAN_REJECTED', 'LINK_EMAILED', 'accepts without a new scan'],
  ['SCAN_REJECTED', 'SCAN_REJECTED', 'rejects twice'],
  ['LINK_EMAILED', 'AWAITING_SCAN', 'goes back to scanning'],
  ['ACCOUNT_CREATED', 'LINK_EMAILED', 'resends after the account exists'],
  ['ACCOUNT_CREATED', 'CANCELLED', 'cancels a finished onboarding'],
  ['EXPIRED', 'AWAITING_SCAN', 'revives an expired onboarding'],
  ['CANCELLED', 'CARD_ORDERED', 'revives a cancelled onboarding'],
  ['EXPIRED', 'CANCELLED', 'cancels an expired onboarding'],
];

const at = new Date('2026-11-02T08:00:00.000Z');

describe('onboarding stages', () => {
  test.each(ALLOWED)('%s -> %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(planTransition(from, to, 'scan-accepted', at)).toEqual({
      at: '2026-11-02T08:00:00.000Z',
      from,
      to,
      cause: 'scan-accepted',
    });
  });

  test.each(ILLEGAL)('%s -> %s is refused (%s)', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      planTransition(from, to, 'cancelled', at);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toMatchObject({ name: 'IllegalTransitionError', from, to });
  });

  test('no move outside the listed ones is allowed', () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of STAGES) {
      for (const to of STAGES)
        expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed.has(`${from}>${to}`)]);
    }
  });

  test('final stages are the ones nothing moves on from', () => {
    expect(STAGES.filter(isFinalStage)).toEqual(['ACCOUNT_CREATED', 'EXPIRED', 'CANCELLED']);
  });

  test('a history entry carries time, both stages, cause and a detail only when given', () => {
    const plain = planTransition('AWAITING_SCAN', 'SCAN_REJECTED', 'scan-rejected', at);
    expect(plain).toEqual({
      at: at.toISOString(),
      from: 'AWAITING_SCAN',
      to: 'SCAN_REJECTED',
      cause: 'scan-rejected',
    });
    expect('detail' in plain).toBe(false);
    expect(planTransition('AWAITING_SCAN', 'SCAN_REJECTED', 'scan-rejected', at, 'DOCUMENT_EXPIRED')).toEqual(
      {
        ...plain,
        detail: 'DOCUMENT_EXPIRED',
      },
    );
  });

  test('isStage accepts the stages only', () => {
    for (const stage of STAGES) expect(isStage(stage)).toBe(true);
    for (const value of ['card_ordered', 'DONE', '', null, 3, undefined]) expect(isStage(value)).toBe(false);
  });

  test('causes are codes, never free text', () => {
    for (const cause of CAUSES) expect(cause).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
