/** Σ dᵢwᵢ over the leading digits of `digits`, as most national check-digit schemes use. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (const [index, weight] of weights.entries()) sum += Number(digits.charAt(index)) * weight;
  return sum;
}
