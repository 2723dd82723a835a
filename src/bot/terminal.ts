import { createInterface } from "node:readline";
import type { Engine } from "../search/engine.js";
import { articleMessages, PAGE_SIZE, renderAbout, renderAnswer, renderSources, renderStart, corpusStats, type OutMessage } from "../reply/answer.js";
import { htmlToPlain } from "../reply/html.js";
import { normalizeQuestion } from "../reply/question.js";
import { pickLang, type TextsByLang, type UiLang } from "../reply/texts.js";

/**
 * The chat without Telegram: questions read line by line from standard input (typed or piped), answered through the
 * same reply pipeline as the bot, shown as plain text. "more" pages, "article N" prints result N's article,
 * /sources, /about, /help and /start print what the bot would. Ends at end of input.
 */
export interface TerminalOptions {
  engine: Engine;
  texts: TextsByLang;
  input: NodeJS.ReadableStream;
  /** Answers go here (standard output). */
  output: NodeJS.WritableStream;
  /** The notice about BOT_TOKEN and the prompt go here (standard error), so piped output is only answers. */
  notices: NodeJS.WritableStream;
  /** Show a "> " prompt (when a person types). Defaults to false. */
  interactive?: boolean;
}

interface LastAnswer {
  question: string;
  offset: number;
  docIds: string[];
  total: number;
  lang: UiLang;
}

export async function runTerminal(options: TerminalOptions): Promise<void> {
  const { engine, texts, output, notices } = options;
  const print = (messages: readonly OutMessage[]) => output.write(`${messages.map((m) => htmlToPlain(m.html)).join("\n\n")}\n\n`);
  notices.write(`${texts.en.terminal.noToken}\n\n`);
  let last: LastAnswer | undefined;

  const ask = (question: string, offset: number) => {
    const lang = pickLang(undefined, question);
    const t = texts[lang];
    const response = engine.search(question, { limit: PAGE_SIZE, offset });
    if (offset > 0 && response.results.length === 0) {
      output.write(`${t.terminal.noMore}\n\n`);
      return;
    }
    const messages = renderAnswer(response, { question, offset, texts: t, lang });
    print(messages);
    last = { question, offset, docIds: response.results.map((r) => r.docId), total: response.total, lang };
    if (response.results.length && offset + response.results.length < response.total) output.write(`${t.terminal.moreHint}\n\n`);
  };

  const handle = (line: string) => {
    const input = normalizeQuestion(line);
    if (!input) return;
    const lang = last?.lang ?? "en";
    const t = texts[lang];
    const command = input.toLowerCase();
    if (command === "more" || command === "/more") {
      if (last) ask(last.question, last.offset + PAGE_SIZE);
      else output.write(`${t.terminal.noMore}\n\n`);
      return;
    }
    const article = /^\/?article\s+(\d+)$/i.exec(input);
    if (article) {
      const n = Number(article[1]);
      const docId = last && n > last.offset && n <= last.offset + last.docIds.length ? last.docIds[n - last.offset - 1] : undefined;
      const doc = docId ? engine.getDoc(docId) : undefined;
      if (doc) output.write(`${articleMessages(doc, t, lang).map(htmlToPlain).join("\n")}\n\n`);
      else output.write(`${t.toasts.stale}\n\n`);
      return;
    }
    if (command === "/start") return print([renderStart(corpusStats(engine.docs), t, lang)]);
    if (command === "/help") return print([{ html: t.help }]);
    if (command === "/about") return print([renderAbout(corpusStats(engine.docs), t)]);
    if (command === "/sources") return print(renderSources(engine.docs, t, lang));
    ask(input.replace(/^\/ask(?:\s+|$)/i, ""), 0);
  };

  const lines = createInterface({ input: options.input, crlfDelay: Infinity, terminal: false });
  const prompt = () => options.interactive && notices.write("> ");
  prompt();
  for await (const line of lines) {
    try {
      handle(line);
    } catch (error) {
      notices.write(`error: ${(error as Error).message}\n`);
    }
    prompt();
  }
}
