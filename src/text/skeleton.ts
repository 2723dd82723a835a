/**
 * Consonant skeletons for cross-script name matching: "Jalali" and «جلالي» both become "GLL".
 *
 * Vowels and the letters that write them (ا و ي, a e i o u y w) are dropped; consonants fall into classes that
 * absorb the usual transliteration choices (b/p/f/v, k/q/kh, g/j/gh, s/th, z/dh). Latin is ambiguous where Arabic
 * script is not (v is ف or و, gh is غ or ق, ch is چ, ج, ش or تش), so a Latin word yields several skeletons and
 * an Arabic word one. A recall aid behind the lexicon: matches are re-checked by the caller.
 */

const ARABIC_CLASS: Record<string, string> = {
  ب: "B", پ: "B", ف: "B", ڤ: "B",
  ت: "T", ط: "T",
  ث: "S", س: "S", ص: "S",
  ج: "G", غ: "G", گ: "G",
  ح: "H", ه: "H",
  خ: "K", ك: "K", ق: "K",
  د: "D", ض: "D",
  ذ: "Z", ز: "Z", ظ: "Z", ژ: "Z",
  ر: "R", ل: "L", م: "M", ن: "N",
  ش: "X", چ: "C",
};

/** Skeleton of one folded Arabic-script token, without clitic prefixes. */
export function arabicSkeleton(folded: string): string {
  let word = folded;
  for (const prefix of ["وال", "بال", "لل", "ال"]) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      break;
    }
  }
  // A final ه is mostly a vowel (ة folded to ه); تش writes "ch".
  word = word.replace(/ه$/u, "").replace(/تش/gu, "چ");
  let out = "";
  let vowelSince = true;
  for (const ch of word) {
    const cls = ARABIC_CLASS[ch];
    if (!cls) {
      vowelSince = true; // ا و ي ع: a vowel (or a letter standing for one) separates repeated consonants
      continue;
    }
    if (vowelSince || !out.endsWith(cls)) out += cls;
    vowelSince = false;
  }
  return out;
}

/** Latin units, longest first, each with the classes it may be written with ("" = not written). */
const LATIN_UNITS: [string, string[]][] = [
  ["dzh", ["G"]], ["tch", ["C", "X"]], ["sch", ["X", "SK"]],
  ["kh", ["K", "H"]], ["gh", ["G", "K"]], ["ch", ["C", "X", "G", "K"]], ["sh", ["X"]], ["zh", ["Z", "G"]],
  ["th", ["T", "S"]], ["ph", ["B"]], ["ck", ["K"]], ["dj", ["G"]], ["ts", ["TS"]], ["ou", [""]],
  ["b", ["B"]], ["p", ["B"]], ["f", ["B"]], ["v", ["B", ""]], ["w", [""]],
  ["c", ["K", "S"]], ["d", ["D"]], ["g", ["G"]], ["h", ["H", ""]], ["j", ["G"]],
  ["k", ["K"]], ["q", ["K"]], ["l", ["L"]], ["m", ["M"]], ["n", ["N"]], ["r", ["R"]],
  ["s", ["S", "Z"]], ["t", ["T"]], ["x", ["KS"]], ["z", ["Z", "S"]],
  ["a", [""]], ["e", [""]], ["i", [""]], ["o", [""]], ["u", [""]], ["y", [""]],
];

/** Most skeleton variants generated for one Latin word. */
export const MAX_LATIN_VARIANTS = 64;

/** Skeleton variants of one folded Latin word (a-z), most literal first, at most MAX_LATIN_VARIANTS. */
export function latinSkeletons(word: string): string[] {
  const w = word.toLowerCase().replace(/[^a-z]/g, "").replace(/(.)\1+/g, "$1");
  // Each variant remembers whether a vowel came after its last consonant ("Jalali" is GLL, "Assad" is SD).
  let variants: { s: string; open: boolean }[] = [{ s: "", open: true }];
  let i = 0;
  while (i < w.length) {
    const unit = LATIN_UNITS.find(([u]) => w.startsWith(u, i));
    if (!unit) {
      i++;
      continue;
    }
    const [text, classes] = unit;
    const next: { s: string; open: boolean }[] = [];
    for (const v of variants) {
      for (const cls of classes) {
        const joined =
          cls === "" ? { s: v.s, open: true } : !v.open && v.s.endsWith(cls) ? { s: v.s, open: false } : { s: v.s + cls, open: false };
        if (!next.some((n) => n.s === joined.s && n.open === joined.open)) next.push(joined);
      }
    }
    variants = next.slice(0, MAX_LATIN_VARIANTS);
    i += text.length;
  }
  return [...new Set(variants.map((v) => v.s))].filter(Boolean);
}

const ROMAN: Record<string, string> = {
  ا: "a", ب: "b", ت: "t", ث: "s", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "z", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s",
  ض: "d", ط: "t", ظ: "z", ع: "", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h", و: "o", ي: "i",
  پ: "p", چ: "ch", ژ: "zh", گ: "g",
};

/** Crude phonetic folding of Latin, applied to both sides of a romanized comparison. */
export function phonetic(latin: string): string {
  return latin
    .replace(/kh/g, "k")
    .replace(/gh/g, "g")
    .replace(/ph/g, "f")
    .replace(/[vw]/g, "f")
    .replace(/p/g, "b")
    .replace(/[qc]/g, "k")
    .replace(/j/g, "g")
    .replace(/[eiy]/g, "i")
    .replace(/u/g, "o")
    .replace(/(.)\1+/g, "$1");
}

/** A rough Latin rendering of a folded Arabic-script word (long vowels only: short ones are not written). */
export function romanize(folded: string): string {
  let out = "";
  for (const ch of folded) out += ROMAN[ch] ?? "";
  return out;
}
