import { METADATA_FILE } from "../corpus/metadata.js";
import type { FileFingerprint, FileRecord, IndexKey, IndexMeta } from "../search/persist.js";

/** What a reload has to do, given the main index's file records and the corpus as it is now. */
export type ReloadPlan =
  | { kind: "current" }
  | { kind: "full"; reason: string }
  | {
      kind: "delta";
      /** New and changed files: the delta index is built from these alone. */
      changed: FileFingerprint[];
      /** Files of the main index that are gone. */
      removed: FileRecord[];
      /** Main-index articles read from changed or removed files. */
      hidden: Set<string>;
      bytes: number;
    };

export interface PlanLimits {
  /** Largest delta, in bytes of changed files, as a share of the corpus. Defaults to 0.25. */
  maxShare?: number;
  /** A delta of at most this many bytes is always fine (small corpora). Defaults to 8 MB. */
  minBytes?: number;
}

/**
 * Compare the main index's per-file fingerprints with the corpus now. Same key: nothing to do. Other code,
 * lexicon or options, no file records, a changed metadata file (it shapes articles of unchanged files) or a delta
 * too large for its purpose: a full rebuild. Otherwise a delta of the new and changed files.
 */
export function planReload(main: { key: string; meta?: IndexMeta } | undefined, now: IndexKey, limits: PlanLimits = {}): ReloadPlan {
  if (!main) return { kind: "full", reason: "no index yet" };
  if (main.key === now.key) return { kind: "current" };
  if (!main.meta) return { kind: "full", reason: "the index has no file records" };
  if (main.meta.base !== now.base) return { kind: "full", reason: "code, lexicon or options changed" };
  const at = (f: { folder: number; rel: string }) => `${f.folder}\u0000${f.rel}`;
  const before = new Map(main.meta.files.map((r) => [at(r), r]));
  const changed: FileFingerprint[] = [];
  const hidden = new Set<string>();
  let bytes = 0;
  for (const f of now.fingerprints) {
    const old = before.get(at(f));
    before.delete(at(f));
    if (old && old.sha1 === f.sha1 && old.size === f.size) continue;
    if (baseName(f.rel) === METADATA_FILE) return { kind: "full", reason: `${f.rel} changed` };
    changed.push(f);
    bytes += Math.max(0, f.size);
    for (const id of old?.docs ?? []) hidden.add(id);
  }
  const removed = [...before.values()];
  for (const r of removed) {
    if (baseName(r.rel) === METADATA_FILE) return { kind: "full", reason: `${r.rel} removed` };
    for (const id of r.docs) hidden.add(id);
  }
  const limit = Math.max(limits.minBytes ?? 8 * 1024 * 1024, (limits.maxShare ?? 0.25) * now.bytes);
  if (bytes > limit) return { kind: "full", reason: `${changed.length} new or changed files (${bytes} bytes) are too many for a delta` };
  return { kind: "delta", changed, removed, hidden, bytes };
}

const baseName = (rel: string) => rel.split(/[\\/]/).at(-1)!;
