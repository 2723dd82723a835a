import { autoRetry } from "@grammyjs/auto-retry";
import { GrammyError, HttpError, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { ConfigError } from "../config.js";
import { errorFields, type Logger } from "./logger.js";

/** Longest a single API call may take, retries included, before it is given up (long polling excluded). */
export const API_DEADLINE_MS = 60_000;
/** Retries of a call that Telegram answered with 429 or 5xx. */
const MAX_RETRY_ATTEMPTS = 3;
/** Longest retry_after honoured; a longer flood wait fails the call instead of stalling the handler. */
const MAX_RETRY_AFTER_SECONDS = 60; // seconds

export interface ApiPolicyOptions {
  logger: Logger;
  /** See API_DEADLINE_MS. Defaults to 60 000. */
  deadlineMs?: number;
}

/**
 * How the bot talks to Telegram: transient failures (429 with retry_after, 5xx, network errors) are retried by the
 * auto-retry plugin; every call except getUpdates has an overall deadline, so a Telegram outage cannot hold a
 * handler forever (auto-retry alone retries network errors without end); failures are logged without the token.
 */
export function installApiPolicies(api: Api, options: ApiPolicyOptions): void {
  const deadlineMs = options.deadlineMs ?? API_DEADLINE_MS;
  api.config.use(autoRetry({ maxRetryAttempts: MAX_RETRY_ATTEMPTS, maxDelaySeconds: MAX_RETRY_AFTER_SECONDS }));
  // Installed last, so outermost: its signal also cuts auto-retry's waits short.
  api.config.use(async (prev, method, payload, signal) => {
    if (method === "getUpdates") {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!signal?.aborted) options.logger.warn("getUpdates failed", errorFields(error));
        throw error;
      }
    }
    // grammY types signals with the abort-controller polyfill's AbortSignal; Node's is the same at run time.
    type GrammySignal = NonNullable<typeof signal>;
    const deadline = AbortSignal.timeout(deadlineMs);
    const combined = signal ? AbortSignal.any([signal as unknown as AbortSignal, deadline]) : deadline;
    const result = await prev(method, payload, combined as unknown as GrammySignal);
    if (!result.ok) options.logger.debug("api call failed", { method, error_code: result.error_code });
    return result;
  });
}

/**
 * getMe with the policies above (5xx retried three times with backoff, network errors until the deadline), then set as
 * the bot's info. A rejected token becomes a ConfigError with advice; an unreachable or failing server a ConfigError
 * naming the API root. The token is never in the message.
 */
export async function initBot(bot: { api: Pick<Api, "getMe">; botInfo: UserFromGetMe }, apiRoot: string): Promise<void> {
  try {
    // Not bot.init(): grammY retries getMe there without end (5xx forever, any flood wait in full), so a failing
    // Bot API would hang the start silently. Our policies bound it: auto-retry, then the per-call deadline.
    bot.botInfo = await bot.api.getMe();
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new ConfigError(
        `Telegram rejected BOT_TOKEN (${error.error_code} ${error.description}): the token is wrong or was revoked. Copy it again from @BotFather (/token) into .env.`,
      );
    }
    if (error instanceof HttpError || (error instanceof Error && /abort/i.test(error.message))) {
      throw new ConfigError(`could not reach the Telegram Bot API at ${apiRoot} (getMe failed after retries: ${error.message}). Check the network or TELEGRAM_API_ROOT.`);
    }
    // 5xx after every retry, a flood wait longer than we wait, or an answer we do not expect: still a clear line.
    if (error instanceof GrammyError) {
      throw new ConfigError(
        `the Telegram Bot API at ${apiRoot} refused getMe (${error.error_code} ${error.description}) after retries. Try again later, or check TELEGRAM_API_ROOT.`,
      );
    }
    throw error;
  }
}
