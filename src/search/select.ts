/**
 * Order statistics over score arrays: the k-th largest of the first `count` values, without sorting them. A broad
 * question passes most of the corpus (tens of thousands of scores) and keeps a few hundred.
 */

/**
 * The k-th largest (1-based, 1 ≤ k ≤ count) of `values[0..count)`, left unchanged: a min-heap of the k largest seen
 * so far, in `room` (which must hold k values). One comparison per value; only a value above the heap's least
 * enters it, so ties (a broad question's thousands at full coverage) cost nothing and nothing is copied.
 */
export function kthLargestOf(values: Float64Array, count: number, k: number, room: Float64Array): number {
  const heap = room;
  for (let i = 0; i < k; i++) siftUp(heap, i, values[i]!);
  for (let i = k; i < count; i++) {
    const v = values[i]!;
    if (v > heap[0]!) siftDown(heap, k, v);
  }
  return heap[0]!;
}

/** Add v at position `size` of a min-heap of `size` values. */
function siftUp(heap: Float64Array, size: number, v: number): void {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= v) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = v;
}

/** Replace the least value of a min-heap of `size` values by v. */
function siftDown(heap: Float64Array, size: number, v: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= v) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = v;
}
