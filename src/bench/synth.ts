/**
 * Deterministic synthetic news corpora for the benchmark, grown from the seed articles' real paragraphs and
 * vocabulary: words drawn Zipf-like from the seeds' vocabulary (per language, ranked by frequency) plus a stream of
 * new rare words and names (Heaps-like: about c·√tokens of them) that join the vocabulary's tail, so the vocabulary
 * keeps growing like real news. One article in eight carries one real seed paragraph verbatim (the same wire story
 * in several outlets), so questions about the seeds find answers among the noise.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Doc } from "../corpus/types.js";
import type { Lang } from "../text/fold.js";
import { Prng } from "./prng.js";

export interface SynthOptions {
  /** Paragraphs to generate. */
  paragraphs: number;
  /** PRNG seed. Defaults to 20240607. */
  seed?: number;
  /** New-word rate constant: about `newWords·√tokens` new words in all. Defaults to 40. */
  newWords?: number;
}

export interface SynthStats {
  articles: number;
  paragraphs: number;
  tokens: number;
  /** Distinct surface words used. */
  vocabulary: number;
  /** Words invented along the way (rare words and names). */
  invented: number;
}

export interface SeedMaterial {
  paragraphs: { lang: Lang; text: string }[];
  /** Surface words per language, most frequent first. */
  words: Record<"ar" | "fa", string[]>;
  /** Letters per language with their frequencies repeated (for drawing). */
  letters: Record<"ar" | "fa", string[]>;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const OUTLETS = ["Sky News Arabia", "Al Arabiya", "BBC Arabic", "France 24 Arabic", "Fars News Agency", "IRNA", "Tasnim"];

/** Vocabulary, letters and paragraphs of the seed articles. */
export function seedMaterial(docs: readonly Doc[]): SeedMaterial {
  const counts = { ar: new Map<string, number>(), fa: new Map<string, number>() };
  const letters = { ar: [] as string[], fa: [] as string[] };
  const paragraphs: SeedMaterial["paragraphs"] = [];
  for (const doc of docs) {
    const lang = doc.lang === "fa" ? "fa" : "ar";
    for (const chunk of doc.chunks) {
      paragraphs.push({ lang, text: chunk.text });
      for (const word of chunk.text.match(WORD) ?? []) {
        counts[lang].set(word, (counts[lang].get(word) ?? 0) + 1);
        if (letters[lang].length < 200_000) for (const ch of word) if (/[\u0621-\u06FF]/.test(ch)) letters[lang].push(ch);
      }
    }
  }
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const words = { ar: ranked(counts.ar), fa: ranked(counts.fa) };
  // A language the seeds lack borrows the other's material.
  if (words.fa.length === 0) words.fa = words.ar;
  if (words.ar.length === 0) words.ar = words.fa;
  if (letters.fa.length === 0) letters.fa = letters.ar;
  if (letters.ar.length === 0) letters.ar = letters.fa;
  return { paragraphs, words, letters };
}

/** Generate a corpus as one JSON-lines file in `folder`; the same options give the same bytes. */
export async function writeSyntheticCorpus(folder: string, material: SeedMaterial, options: SynthOptions): Promise<SynthStats> {
  await mkdir(folder, { recursive: true });
  const out = createWriteStream(path.join(folder, "articles.jsonl"), { encoding: "utf8" });
  const rng = new Prng(options.seed ?? 20240607);
  const c = options.newWords ?? 40;
  const vocab = { ar: [...material.words.ar], fa: [...material.words.fa] };
  const used = new Set<string>();
  let tokens = 0;
  let invented = 0;
  let paragraphs = 0;
  let articles = 0;

  const newWord = (lang: "ar" | "fa"): string => {
    const letters = material.letters[lang];
    let w = "";
    const length = rng.int(4, 9);
    for (let i = 0; i < length; i++) w += rng.pick(letters);
    // Names and nouns come with the article or a clitic as often as not.
    if (lang === "ar" && rng.chance(0.3)) w = `ال${w}`;
    return w;
  };
  const word = (lang: "ar" | "fa"): string => {
    tokens++;
    const list = vocab[lang];
    if (rng.chance(Math.min(0.2, c / Math.sqrt(tokens + 100)))) {
      const w = newWord(lang);
      list.push(w);
      invented++;
      used.add(w);
      return w;
    }
    const w = list[rng.zipf(list.length)]!;
    used.add(w);
    return w;
  };
  const sentence = (lang: "ar" | "fa", words: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(word(lang));
    return parts.join(" ");
  };
  const paragraph = (lang: "ar" | "fa"): string => {
    const sentences = rng.int(1, 4);
    const out: string[] = [];
    for (let s = 0; s < sentences; s++) out.push(`${sentence(lang, rng.int(8, 24))}${rng.chance(0.3) ? "، " + sentence(lang, rng.int(4, 10)) : ""}.`);
    return out.join(" ");
  };

  const seedsByLang = { ar: material.paragraphs.filter((p) => p.lang !== "fa"), fa: material.paragraphs.filter((p) => p.lang === "fa") };
  while (paragraphs < options.paragraphs) {
    const lang: "ar" | "fa" = rng.chance(0.2) ? "fa" : "ar";
    const count = Math.min(rng.int(3, 12), options.paragraphs - paragraphs);
    const texts: string[] = [];
    const real = rng.chance(0.125) && seedsByLang[lang].length ? rng.int(0, count - 1) : -1;
    for (let i = 0; i < count; i++) texts.push(i === real ? rng.pick(seedsByLang[lang]).text : paragraph(lang));
    paragraphs += count;
    const day = rng.int(0, 365 * 7);
    const published = new Date(Date.UTC(2018, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const line = JSON.stringify({
      id: `synth-${options.seed ?? 20240607}-${articles}`,
      title: sentence(lang, rng.int(5, 11)),
      outlet: rng.pick(OUTLETS),
      published,
      lang,
      text: texts.join("\n\n"),
    });
    articles++;
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { articles, paragraphs, tokens, vocabulary: used.size, invented };
}
