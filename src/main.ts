/**
 * `npm start`: the only entry point of the bot. Reads the configuration once, builds the engine, then
 * - with BOT_TOKEN and WEBHOOK_URL: an HTTP server taking updates through grammY's webhook callback;
 * - with BOT_TOKEN: long polling through grammY's runner;
 * - without a token: a terminal chat over the same replies (plain text), reading standard input line by line.
 * SIGINT/SIGTERM stop cleanly: no new updates, in-flight ones finish, the server closes.
 */
import { describeConfig, loadConfigFromEnvironment } from "./config.js";
import { openEngine } from "./search/open.js";
import { loadTexts } from "./reply/texts.js";
import { initBot } from "./bot/api.js";
import { createBot, registerCommands } from "./bot/bot.js";
import { createLogger } from "./bot/logger.js";
import { startPolling, startWebhook, type Stoppable } from "./bot/serve.js";
import { runTerminal } from "./bot/terminal.js";
import { runMain } from "./cli/run.js";

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
  const loadEngine = () =>
    openEngine(config.corpusDirs, {
      cacheDir: config.indexCacheDir,
      onIndexEvent: (event) => logger.debug("index", { ...event }),
      onWarning: (w) => logger.warn("corpus warning", { file: w.file, line: w.line, problem: w.message }),
    });
  const engine = { current: await loadEngine() };

  if (!config.token) {
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
    reloadEngine: loadEngine,
  });
  await initBot(bot, config.apiRoot);
  logger.info("starting", { ...describeConfig(config), bot: bot.botInfo.username, articles: engine.current.docs.length });
  void registerCommands(bot, texts, logger);

  const running: Stoppable = config.webhook
    ? await startWebhook(bot, { ...config.webhook, port: config.port, host: config.host, logger })
    : await startPolling(bot, logger);
  const polling = "handle" in running ? (running.handle as { task(): Promise<void> | undefined }).task() : undefined;
  const signal = await Promise.race([untilSignal(), ...(polling ? [polling.then(() => undefined)] : [])]);
  logger.info("stopping", { signal: signal ?? "runner ended" });
  await running.stop();
  logger.info("stopped");
  return 0;
});
