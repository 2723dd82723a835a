import type { Concept } from "./lexicon.js";

/**
 * The bot follows Iran–Russia diplomacy and the news around it (politics, security, economy, energy). An operator may
 * add a general archive that also reports sport, weather and entertainment; a question only about those is outside
 * what the bot is for, and answering it from the archive would be noise in a group that follows diplomacy.
 */

/** The two sides of the subject, each a set of lexicon concepts (the country, its capital). */
export const SUBJECT_SIDES: readonly (readonly string[])[] = [
  ["place.iran", "place.tehran"],
  ["place.russia", "place.moscow"],
];

/**
 * Lexicon concepts outside the subject: sport, weather, film and music, lifestyle. Only words that mean nothing else
 * in news: "player" (a regional player), "club" (the nuclear club), "results" (election results) or "coach" (also
 * "manager") are not here.
 */
export const OUTSIDE_CONCEPTS: ReadonlySet<string> = new Set([
  "org.fifa",
  ...[
    // weather
    "weather", "temperature", "rain", "snow", "storm", "humidity", "lightning",
    // sport
    "sport", "football", "futsal", "volleyball", "basketball", "handball", "tennis", "wrestling", "weightlifting",
    "martial-arts", "athletics", "swimming", "cycling", "chess", "formula-one", "match", "national-team",
    "championship", "world-cup", "olympics", "asian-games", "referee", "medal", "stadium", "fans",
    "transfer-market", "goalkeeper", "penalty-kick", "red-card", "friendly-match", "gymnastics", "skiing",
    "equestrian", "golf", "rowing", "shooting-sport", "world-championship", "doping", "sports-federation", "league",
    "ice-hockey", "mountaineering",
    // film, music, games, fashion
    "film", "actor", "film-director", "tv-series", "animation", "box-office", "oscar", "video-games", "fashion", "music",
    // lifestyle and personal health
    "food-culture", "sleep", "pregnancy", "blood-pressure", "alzheimer", "obesity",
  ].map((name) => `topic.${name}`),
]);

/** Lexicon files whose concepts are the subject itself. */
const SUBJECT_GROUPS: ReadonlySet<string> = new Set(["politics"]);
const SIDE_IDS: ReadonlySet<string> = new Set(SUBJECT_SIDES.flat());

/**
 * Where a lexicon concept stands: "outside" (sport, weather…), "subject" (people, organisations, Iran and Russia,
 * politics and diplomacy) or "neutral" (other places, the economy, generic words), which goes with either.
 */
export function subjectOf(concept: Concept): "outside" | "subject" | "neutral" {
  if (OUTSIDE_CONCEPTS.has(concept.id)) return "outside";
  if (concept.type === "person" || concept.type === "org" || SIDE_IDS.has(concept.id) || SUBJECT_GROUPS.has(concept.group)) {
    return "subject";
  }
  return "neutral";
}

/**
 * A question is outside the subject when it names something outside it and nothing of it: "football results",
 * "weather in London tomorrow". "Iran's World Cup match" or "Putin on the World Cup" are inside (a side, a person).
 */
export function isOutsideSubject(concepts: readonly Concept[]): boolean {
  let outside = false;
  for (const concept of concepts) {
    const where = subjectOf(concept);
    if (where === "subject") return false;
    if (where === "outside") outside = true;
  }
  return outside;
}
