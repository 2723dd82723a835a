import { z } from "zod";

/** One article of a `.jsonl` corpus file. `id` and `text` are required; paragraphs in `text` are separated by a blank line. */
export const JsonArticleSchema = z.object({
  id: z.string().trim().min(1, "id is empty"),
  text: z.string().refine((t) => t.trim().length > 0, "text is empty"),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  published: z.string().nullish(),
  url: z.string().nullish(),
  lang: z.string().nullish(),
  category: z.string().nullish(),
  summary: z.string().nullish(),
});

export type JsonArticle = z.infer<typeof JsonArticleSchema>;

/** Longest line read; a longer one is reported and skipped (an article is never this long). */
export const MAX_JSONL_LINE = 5_000_000; // characters

/** Parse one line: the article, or why it was rejected. Blank lines give null. */
export function parseJsonLine(raw: string): { article: JsonArticle } | { error: string } | null {
  const line = raw.startsWith("\uFEFF") ? raw.slice(1) : raw; // a byte-order mark before the file's first line
  if (line.trim() === "") return null;
  if (line.length > MAX_JSONL_LINE) return { error: `line too long (${line.length} characters; at most ${MAX_JSONL_LINE})` };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
  const parsed = JsonArticleSchema.safeParse(json);
  if (!parsed.success) {
    return { error: parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ") };
  }
  return { article: parsed.data };
}
