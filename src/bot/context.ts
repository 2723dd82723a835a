import type { Context } from "grammy";
import type { Doc } from "../corpus/types.js";
import type { Engine } from "../search/engine.js";
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

/** The engine behind a reference, so /reload can swap it while handlers keep working. */
export interface EngineRef {
  current: Engine;
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
