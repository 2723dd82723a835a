/**
 * `npm start`: the only entry point of the bot. Reads the configuration once, opens the engine holder (the
 * persisted index when there is one; builds run in a child process while the bot answers), then
 * - with BOT_TOKEN and WEBHOOK_URL: an HTTP server taking updates through grammY's webhook callback;
 * - with BOT_TOKEN: long polling through grammY's runner;
 * - without a token: a terminal chat over the same replies (plain text), reading standard input line by line.
 * SIGINT/SIGTERM stop cleanly: no new updates, in-flight ones finish, the server closes.
 */
import { CorpusError } from "./corpus/load.js";
import { describeConfig, loadConfigFromEnvironment } from "./config.js";
import { EngineHolder } from "./serve/holder.js";
import { loadTexts } from "./reply/texts.js";
import { initBot } from "./bot/api.js";
import { createBot, registerCommands } from "./bot/bot.js";
import { createLogger } from "./bot/logger.js";
import { startPolling, startWebhook, type Stoppable } from "./bot/serve.js";
import { runTerminal } from "./bot/terminal.js";
import { runMain } from "./cli/run.js";

/** With no index at all, how long start-up waits for the first build before serving "being indexed" answers. */
const FIRST_BUILD_GRACE_MS = 3000;

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

await runMain(async () => {
  const config = loadConfigFromEnvironment();
  const logger = createLogger({ level: config.logLevel, secrets: [config.token, config.webhook?.secret] });
  const texts = loadTexts();
  const engine = await EngineHolder.open({
    folders: config.corpusDirs,
    cacheDir: config.indexCacheDir,
    log: logger,
    onWarning: (w) => logger.warn("corpus warning", { file: w.file, line: w.line, problem: w.message }),
  });
  // A small corpus is indexed in a moment: start answering with it rather than with "being indexed".
  if (!engine.ready) await Promise.race([engine.idle(), new Promise((resolve) => setTimeout(resolve, FIRST_BUILD_GRACE_MS).unref())]);

  if (!config.token) {
    await engine.idle();
    if (!engine.ready) throw new CorpusError(`the corpus could not be indexed: ${engine.failure ?? "unknown reason"}`);
    await runTerminal({ engine: engine.current, texts, input: process.stdin, output: process.stdout, notices: process.stderr, interactive: process.stdin.isTTY === true });
    return 0;
  }

  const bot = createBot({
    token: config.token,
    engine,
    texts,
    logger,
    apiRoot: config.apiRoot,
    allowedChatIds: config.allowedChatIds,
    adminUserIds: config.adminUserIds,
    rateLimit: config.rateLimit,
  });
  await initBot(bot, config.apiRoot);
  logger.info("starting", { ...describeConfig(config), bot: bot.botInfo.username, articles: engine.current.docs.length, indexing: !engine.ready });
  void registerCommands(bot, texts, logger);

  const running: Stoppable = config.webhook
    ? await startWebhook(bot, { ...config.webhook, port: config.port, host: config.host, logger })
    : await startPolling(bot, logger);
  const polling = "handle" in running ? (running.handle as { task(): Promise<void> | undefined }).task() : undefined;
  const signal = await Promise.race([untilSignal(), ...(polling ? [polling.then(() => undefined)] : [])]);
  logger.info("stopping", { signal: signal ?? "runner ended" });
  await running.stop();
  engine.close();
  logger.info("stopped");
  return 0;
});
