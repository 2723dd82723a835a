import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { escapeHtml, validateTelegramHtml } from "./html.js";

/**
 * Everything the bot says lives in prompts/<lang>.json, one file per language, validated here: every key present,
 * every template carrying its placeholders, every text valid Telegram HTML. Placeholders are `{name}`; `fill` escapes
 * the values, so a template may hold markup but a value never does.
 */

export const LANGS = ["en", "ar", "fa"] as const;
export type UiLang = (typeof LANGS)[number];

/** The folder with en.json, ar.json, fa.json. Defaults to the repository's prompts/. */
export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");

/** A template with required placeholders; plain strings are templates without any. */
const template = (...names: string[]) =>
  z
    .string()
    .min(1)
    .superRefine((s, ctx) => {
      for (const n of names) if (!s.includes(`{${n}}`)) ctx.addIssue({ code: "custom", message: `missing placeholder {${n}}` });
      const problems = validateTelegramHtml(s.replace(/\{\w+\}/g, "x"));
      for (const p of problems) ctx.addIssue({ code: "custom", message: `not valid Telegram HTML: ${p}` });
    });

/** A command menu description: Telegram allows 1-256 characters, no markup. */
const commandDescription = z.string().min(1).max(256).refine((s) => !/[<>]/.test(s), "no markup in command descriptions");
/** Button labels and toasts: plain text (Telegram shows them literally), toasts up to 200 characters. */
const label = z.string().min(1).max(64).refine((s) => !/[<>&]/.test(s), "plain text only");
const toast = z.string().min(1).max(200).refine((s) => !/[<>&]/.test(s), "plain text only");

export const TextsSchema = z.strictObject({
  /** The language's own name. */
  name: z.string().min(1),
  dir: z.enum(["ltr", "rtl"]),
  start: template("articles", "outlets"),
  help: template(),
  about: template("articles", "paragraphs", "outlets"),
  askUsage: template("example"),
  resultsHeader: template("from", "to", "total"),
  nothingFound: template(),
  /** "Nothing found" for a question only about things the bot does not follow (sport, weather…). */
  outsideSubject: template(),
  /** "Nothing found" for a question whose month or day limited the answer to about that time (it may find more without). */
  nothingFoundInTime: template(),
  alsoReportedBy: template("outlets"),
  link: template(),
  paragraph: template("n"),
  sourcesHeader: template("count"),
  sourcesMore: template("count"),
  articleContinues: template(),
  notText: template(),
  unknownCommand: template(),
  rateLimited: template(),
  notAllowed: template(),
  adminOnly: template(),
  reloaded: template("articles", "warnings"),
  reloadFailed: template("reason"),
  /** /reload's immediate answer: the build runs in the background, the outcome follows in another message. */
  reloadStarted: template(),
  /** The answer to questions while the first index is being built (no index yet). */
  indexing: template(),
  buttons: z.strictObject({
    more: label,
    article: label.refine((s) => s.includes("{n}"), "missing placeholder {n}"),
    continue: label,
    fullArticle: label,
  }),
  toasts: z.strictObject({
    stale: toast,
    rateLimited: toast,
    notAllowed: toast,
    noMore: toast,
    indexing: toast,
  }),
  inline: z.strictObject({
    hint: label,
    nothing: label,
    notAllowed: label,
    indexing: label,
  }),
  commands: z.strictObject({
    start: commandDescription,
    help: commandDescription,
    ask: commandDescription,
    sources: commandDescription,
    about: commandDescription,
  }),
  terminal: z.strictObject({
    noToken: z.string().min(1),
    moreHint: z.string().min(1),
    noMore: z.string().min(1),
  }),
  /** Three questions that find something in the shipped corpus (a test checks it). */
  examples: z.array(z.string().min(1).max(40)).length(3),
});

export type Texts = z.infer<typeof TextsSchema>;
export type TextsByLang = Record<UiLang, Texts>;

export class PromptsError extends Error {
  override name = "PromptsError";
}

/** Read and validate prompts/<lang>.json for every language; throws PromptsError listing every problem. */
export function loadTexts(dir: string = DEFAULT_PROMPTS_DIR): TextsByLang {
  const problems: string[] = [];
  const out: Partial<TextsByLang> = {};
  for (const lang of LANGS) {
    const file = path.join(dir, `${lang}.json`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const parsed = TextsSchema.safeParse(raw);
    if (parsed.success) out[lang] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  if (problems.length) throw new PromptsError(`prompts are invalid:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  return out as TextsByLang;
}

/** Put escaped values into a template's `{name}` placeholders (unknown placeholders stay as they are). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? escapeHtml(String(values[name])) : whole,
  );
}

/** Letters only Persian uses (not Arabic): پ چ ژ گ ک ی. */
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/** The language of a question from its script: Persian letters → fa, other Arabic script → ar, else undefined. */
export function scriptLang(text: string): UiLang | undefined {
  if (PERSIAN_LETTERS.test(text)) return "fa";
  if (ARABIC_SCRIPT.test(text)) return "ar";
  return undefined;
}

/**
 * The language to talk in: the user's Telegram language when we have texts for it, else the question's script, else
 * English.
 */
export function pickLang(languageCode: string | undefined, question = ""): UiLang {
  const primary = languageCode?.toLowerCase().split(/[-_]/)[0];
  if (primary && (LANGS as readonly string[]).includes(primary)) return primary as UiLang;
  return scriptLang(question) ?? "en";
}
