import { z } from "zod";

/**
 * The corpus metadata file (`sources.json` in the corpus folder): per document id, the facts the article itself
 * states. A document without an entry still loads (title = first line, outlet unknown).
 */
export const SourceEntrySchema = z
  .object({
    title: z.string().min(1).optional(),
    outlet: z.string().min(1).optional(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}/, "published must be an ISO date such as 2020-02-22")
      .optional(),
    dateText: z.string().min(1).optional(),
    url: z.url().optional(),
    lang: z.enum(["ar", "fa", "en"]).optional(),
    category: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

export type SourceEntry = z.infer<typeof SourceEntrySchema>;

export const METADATA_FILE = "sources.json";

export interface MetadataResult {
  entries: Map<string, SourceEntry>;
  problems: string[];
}

/** Parse the metadata file; a bad entry is reported and skipped, the others are kept. */
export function parseMetadata(raw: string): MetadataResult {
  const entries = new Map<string, SourceEntry>();
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, "")); // editors on Windows save a byte-order mark
  } catch (error) {
    return { entries, problems: [`not valid JSON (${(error as Error).message})`] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { entries, problems: ["expected an object mapping document ids to entries"] };
  }
  for (const [id, value] of Object.entries(json)) {
    if (id.startsWith("$")) continue; // "$comment" and friends
    const parsed = SourceEntrySchema.safeParse(value);
    if (parsed.success) entries.set(id, parsed.data);
    else problems.push(`entry "${id}": ${parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`);
  }
  return { entries, problems };
}
