import { z } from "zod";

export const CONCEPT_TYPES = ["person", "place", "org", "topic", "word"] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];

const form = z.string().trim().min(1, "empty form");

/** One concept: its English aliases and the Arabic and Persian forms it is written with. */
export const ConceptSchema = z
  .object({
    id: z.string().regex(/^(person|place|org|topic|word)\.[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must look like type.kebab-name"),
    type: z.enum(CONCEPT_TYPES),
    en: z.array(form).default([]),
    ar: z.array(form).default([]),
    fa: z.array(form).default([]),
    /**
     * The languages whose words open the concept in a question; defaults to all three. ["en"] for a generic word
     * added for English questions: an Arabic or Persian question keeps its own word, which the corpus matches more
     * precisely («الخارجية» is the foreign ministry, not "foreign").
     */
    aliasLanguages: z.array(z.enum(["en", "ar", "fa"])).optional(),
  })
  .strict()
  .refine((c) => c.id.startsWith(`${c.type}.`), { message: "id must start with its type" });

export const LexiconFileSchema = z.object({ $comment: z.string().optional(), concepts: z.array(ConceptSchema) }).strict();

export type ConceptEntry = z.infer<typeof ConceptSchema>;
