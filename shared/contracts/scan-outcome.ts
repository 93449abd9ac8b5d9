import { z } from 'zod';

/**
 * What receive-scan hands the waiting execution: ids and codes only, as it lands in the
 * execution history operators read.
 */
export const ScanOutcome = z.strictObject({
  scanId: z.string().max(64),
  accepted: z.boolean(),
  colour: z.enum(['GREEN', 'YELLOW', 'RED']),
  reason: z.string().regex(/^[A-Z][A-Z_]{0,39}$/),
  category: z.enum(['RESCAN', 'NEW_DOCUMENT', 'ORDER_CORRECTION', 'CONTACT_SUPPORT']).optional(),
});
export type ScanOutcome = z.infer<typeof ScanOutcome>;
