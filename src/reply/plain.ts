import type { SearchResponse, SearchResult } from "../search/engine.js";
import type { SourceInfo } from "../corpus/types.js";

/** A source line in plain text: outlet, date, title, paragraph, link. Unknown parts are left out. */
export function formatSourcePlain(source: SourceInfo, paragraph?: number): string {
  const parts = [source.outlet, source.published?.slice(0, 10) ?? source.dateText, `«${source.title}»`];
  if (paragraph !== undefined) parts.push(`¶${paragraph}`);
  if (source.url) parts.push(source.url);
  return parts.filter(Boolean).join(" · ");
}

function formatResultPlain(result: SearchResult, i: number): string {
  const also = result.alsoIn.length
    ? `\n   also reported by: ${[...new Set(result.alsoIn.map((o) => o.source.outlet ?? o.docId))].join(", ")}`
    : "";
  return `${i + 1}. ${result.text}\n   — ${formatSourcePlain(result.source, result.paragraph)}${also}`;
}

/** The whole answer as plain text (terminal and CLI). */
export function formatPlainAnswer(response: SearchResponse, offset = 0): string {
  if (response.results.length === 0) {
    const why = response.outsideSubject
      ? " (the question is about something this bot does not follow: sport, weather, films…)"
      : response.limitedToTime
        ? " (nothing from the time it names: a question naming a month or a day is answered from the articles of about then; without the date it may find more)"
        : "";
    return `Nothing found for: ${response.query.trim() || "(empty question)"}${why}`;
  }
  const head = `${response.total} result${response.total === 1 ? "" : "s"} for: ${response.query.trim()}`;
  return [head, ...response.results.map((r, i) => formatResultPlain(r, i + offset))].join("\n\n");
}
