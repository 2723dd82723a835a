import type { Chunk, CorpusWarning, Doc } from "../corpus/types.js";
import type { Lexicon } from "../lexicon/lexicon.js";
import { Engine, type SearchOptions, type SearchResponse, type SearchResult } from "./engine.js";
import type { SearchIndex } from "./index.js";

export interface Segments {
  /** A small index of the files that are new or changed since the main index was built. Defaults to none. */
  delta?: SearchIndex;
  /** Ids of main-index articles that are gone or replaced (their files changed or were deleted). Defaults to none. */
  hidden?: ReadonlySet<string>;
  /** Warnings of the delta's files. Defaults to none. */
  deltaWarnings?: readonly CorpusWarning[];
}

/**
 * An engine over two segments: the main (persisted) index, minus hidden articles, and a delta index of new and
 * changed files, so that adding an article re-indexes that article only. Each segment is searched as an engine of
 * its own (rank.ts is untouched) and the results are merged by score; the public API is Engine's.
 *
 * Approximations while a delta exists (a full rebuild folds the delta in and removes them): concept weights (idf)
 * are each segment's own; near-duplicates are folded within a segment, not across; `total` counts hidden
 * paragraphs the main segment only counted.
 */
export class SegmentedEngine extends Engine {
  readonly delta: Engine | undefined;
  readonly hidden: ReadonlySet<string>;
  /** Paragraphs of hidden articles: the most results of the main segment a page may lose to hiding. */
  private readonly hiddenChunks: number;
  private allDocs: Doc[] | undefined;

  constructor(main: SearchIndex, lexicon: Lexicon, warnings: readonly CorpusWarning[], segments: Segments) {
    super(main, lexicon, [...warnings, ...(segments.deltaWarnings ?? [])]);
    this.delta = segments.delta && segments.delta.docs.length > 0 ? new Engine(segments.delta, lexicon, segments.deltaWarnings) : undefined;
    this.hidden = segments.hidden ?? new Set();
    let hiddenChunks = 0;
    for (const id of this.hidden) {
      const d = main.docIndex.get(id);
      if (d !== undefined) hiddenChunks += main.docs[d]!.chunks.length;
    }
    this.hiddenChunks = hiddenChunks;
  }

  override get docs(): readonly Doc[] {
    this.allDocs ??= [...this.index.docs.filter((d) => !this.hidden.has(d.id)), ...(this.delta?.docs ?? [])];
    return this.allDocs;
  }

  override getDoc(id: string): Doc | undefined {
    return this.delta?.getDoc(id) ?? (this.hidden.has(id) ? undefined : super.getDoc(id));
  }

  override getChunk(id: string): Chunk | undefined {
    const fromDelta = this.delta?.getChunk(id);
    if (fromDelta) return fromDelta;
    const chunk = super.getChunk(id);
    return chunk && !this.hidden.has(chunk.docId) ? chunk : undefined;
  }

  override search(question: string, options: SearchOptions = {}): SearchResponse {
    const { limit = 10, offset = 0, ...rest } = options;
    const want = offset + limit;
    const main = super.search(question, { ...rest, offset: 0, limit: want + Math.min(this.hiddenChunks, 1000) });
    const visible = (r: SearchResult) => !this.hidden.has(r.docId);
    const kept = main.results.filter(visible).map((r) => (r.alsoIn.some((o) => this.hidden.has(o.docId)) ? { ...r, alsoIn: r.alsoIn.filter((o) => !this.hidden.has(o.docId)) } : r));
    const dropped = main.results.length - kept.length;
    const delta = this.delta?.search(question, { ...rest, offset: 0, limit: want });
    const merged: SearchResult[] = [];
    const other = delta?.results ?? [];
    for (let i = 0, j = 0; merged.length < want && (i < kept.length || j < other.length); ) {
      if (j >= other.length || (i < kept.length && kept[i]!.score >= other[j]!.score)) merged.push(kept[i++]!);
      else merged.push(other[j++]!);
    }
    const understood = main.understood.map((u, k) => {
      const d = delta?.understood.find((x) => x.text === u.text && x.concept === u.concept) ?? delta?.understood[k];
      return d && d.found && !u.found ? { ...u, found: true } : u;
    });
    return {
      query: main.query,
      lang: main.lang,
      total: Math.max(merged.length, main.total - dropped + (delta?.total ?? 0)),
      results: merged.slice(offset, offset + limit),
      understood,
      outsideSubject: main.outsideSubject,
      limitedToTime: main.limitedToTime,
    };
  }
}
