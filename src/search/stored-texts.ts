import { closeSync, readSync } from "node:fs";
import type { Chunk } from "../corpus/types.js";

/** Closes a store's index file once nothing refers to the store (or its chunks) any more. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to free.
  }
});

/** Texts read lately, kept as strings: replies show the same few paragraphs again and again. */
const RECENT_TEXTS = 512;

/**
 * Paragraph texts left in the persisted index file and read when asked for: a reply shows a few paragraphs of
 * hundreds of thousands, and keeping them all as strings costs about 100 MB per loaded archive index (twice that
 * while a rebuilt index is swapped in). The store holds the file open, so a rebuild that writes a new file and
 * renames it over this one does not change what the store reads.
 */
export class StoredTexts {
  private readonly recent = new Map<number, string>();

  /**
   * @param fd open descriptor of the index file (the store's own once `adopt` is called)
   * @param offsets per paragraph, the file position of its UTF-8 bytes
   * @param lengths per paragraph, how many bytes
   * @param file the file's path, for errors
   */
  constructor(
    private readonly fd: number,
    private readonly offsets: Float64Array,
    private readonly lengths: Uint32Array,
    private readonly file: string,
  ) {}

  /** Own the descriptor from now on: it is closed once the store is garbage (call once the index is accepted). */
  adopt(): void {
    closer.register(this, this.fd);
  }

  get size(): number {
    return this.lengths.length;
  }

  /** The text of paragraph c. Throws (naming the file) when the file cannot be read there. */
  text(c: number): string {
    const known = this.recent.get(c);
    if (known !== undefined) return known;
    const length = this.lengths[c];
    if (length === undefined) throw new RangeError(`no paragraph ${c} in ${this.file}`);
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, bytes, done, length - done, this.offsets[c]! + done);
      if (n === 0) throw new Error(`index file ${this.file} ends before paragraph ${c}'s text`);
      done += n;
    }
    const text = bytes.toString("utf8");
    if (this.recent.size >= RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(c, text);
    return text;
  }
}

/** A paragraph of a loaded index: its text stays in the index file until read (see StoredTexts). */
export class StoredChunk implements Chunk {
  readonly #texts: StoredTexts;
  readonly #at: number;

  constructor(
    readonly id: string,
    readonly docId: string,
    readonly n: number,
    texts: StoredTexts,
    at: number,
  ) {
    this.#texts = texts;
    this.#at = at;
  }

  get text(): string {
    return this.#texts.text(this.#at);
  }
}
