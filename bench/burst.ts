import { AWS_QUOTAS } from '@id06/aws-emulator';
import { startLocalStack } from '#infra/local/stack.ts';
import { type BurstFigures, runOrderBurst } from '#test/support/order-burst.ts';

/**
 * `orders` CardOrdered at once on a stack enforcing AWS's quotas (StartExecution 800 refilled
 * 150/s, SES 14 recipients/s): every order must reach its scan wait, none fail; the figure is the
 * drain time. At 14 emails a second 5,000 orders need at least 357 s.
 */
export async function burstUnderQuotas(orders: number): Promise<BurstFigures & { minimumDrainMs: number }> {
  const stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0, quotas: AWS_QUOTAS });
  try {
    const figures = await runOrderBurst(stack, {
      orders,
      firstPerson: 20_000,
      timeoutMs: 3_600_000,
    });
    const minimumDrainMs = Math.round((orders / AWS_QUOTAS.sesSending.perSecond) * 1000);
    return { ...figures, minimumDrainMs };
  } finally {
    await stack.close();
  }
}
