import type { Context } from "grammy";
import type { Doc } from "../corpus/types.js";
import type { Engine } from "../search/engine.js";
import type { ReloadOutcome } from "../serve/holder.js";
import type { CorpusStats } from "../reply/answer.js";
import type { TextsByLang } from "../reply/texts.js";
import type { Logger } from "./logger.js";

/** What a handler reports about its update, written to the update's log line. */
export interface UpdateState {
  /** answered, ignored, refused, rate_limited, stale, error, … Defaults to "ignored". */
  outcome?: string;
  /** Results found, for questions. */
  results?: number;
  /** The language answered in. */
  lang?: string;
}

/** Per-update additions to grammY's context (set by the logging feature, first in the chain). */
export interface BotFlavor {
  state: UpdateState;
  log: Logger;
}

export type BotContext = Context & BotFlavor;

/**
 * The engine behind a reference, so /reload can swap it while handlers keep working (src/serve/holder.ts's
 * EngineHolder is one). Handlers read `current` once per update.
 */
export interface EngineRef {
  current: Engine;
  /** False while the first index is being built (`current` is then empty): questions get texts.indexing. Defaults to true. */
  readonly ready?: boolean;
  /** Re-index in the background and swap the new engine in; /reload uses it when present (see EngineHolder.reload). */
  reload?(options?: { full?: boolean }): Promise<ReloadOutcome>;
}

/** What features need, built once by createBot. */
export interface Services {
  engine: EngineRef;
  texts: TextsByLang;
  logger: Logger;
  /** Corpus numbers for /start and /about (cached per engine). */
  stats(): CorpusStats;
  /** A document by id or by docHash (see callback-data.ts). */
  findDoc(key: { docId: string } | { docHash: string }): Doc | undefined;
  allowedChatIds?: ReadonlySet<number>;
  adminUserIds: ReadonlySet<number>;
  /** Rebuild the engine from the corpus folders; undefined when /reload is not available. */
  reloadEngine?: () => Promise<Engine>;
}
