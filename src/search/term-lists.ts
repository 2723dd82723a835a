/**
 * Sorted id lists (one per paragraph or article) laid end to end in one buffer: list i is values[starts[i],
 * starts[i + 1]). One object for all of them: an archive has 271,000 paragraphs, and a typed-array view each cost
 * about 27 MB of heap and the garbage collector's time.
 */
export class TermLists {
  constructor(
    readonly values: Uint32Array,
    readonly starts: Uint32Array,
  ) {}

  /** How many lists. */
  get length(): number {
    return this.starts.length - 1;
  }

  /** List i, as a view of the buffer (made on each call: for the few lists a question compares). */
  of(i: number): Uint32Array {
    return this.values.subarray(this.starts[i]!, this.starts[i + 1]!);
  }

  /** Whether list i holds the id (binary search). */
  has(i: number, id: number): boolean {
    const { values } = this;
    let lo = this.starts[i]!;
    let hi = this.starts[i + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = values[mid]!;
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
