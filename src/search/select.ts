/**
 * Order statistics over score arrays: the k-th largest of the first `count` values, without sorting them. A broad
 * question passes most of the corpus (tens of thousands of scores) and keeps a few hundred.
 */

/**
 * The k-th largest (1-based, 1 ≤ k ≤ count) of `values[0..count)`, left unchanged. When at least k values tie for
 * the largest (a broad question's top: thousands at full coverage), one pass answers; otherwise quickselect runs on
 * a copy in `room` (which must hold `count` values).
 */
export function kthLargestOf(values: Float64Array, count: number, k: number, room: Float64Array): number {
  let high = -Infinity;
  let ties = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v > high) {
      high = v;
      ties = 1;
    } else if (v === high) ties++;
  }
  if (ties >= k) return high;
  const copy = room.subarray(0, count);
  copy.set(values.subarray(0, count));
  return kthLargest(copy, k);
}

/** The k-th largest value (1-based) of an array, in linear expected time (Hoare's quickselect); reorders it. */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
