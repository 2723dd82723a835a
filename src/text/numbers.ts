/**
 * Words that state an amount in Arabic and Persian news: "ten percent" is as often «عشرة بالمئة» or «ده درصد» as
 * «10%». Matched by their index terms, so words whose stem spells a common other word are left out: «واحد» (→ «احد»,
 * "someone", "Sunday"), «مليون» (→ «ملي», Persian "national"), «ملايين» (→ «ملا», "mullah"), «مائة» (→ «ماي», Theresa
 * May), «ضعف» ("weakness"), Persian «نه» ("no"), «ده» ("village").
 */
export const NUMBER_WORDS: readonly string[] = [
  // Arabic
  "اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات",
  "عشرين", "عشرون", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين",
  "مئة", "مئات", "ألف", "مليار", "مليارات", "بالمئة", "نصف", "ربع", "ثلث",
  // Persian
  "چهار", "پنج", "شش", "هفت", "هشت", "بیست", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود",
  "صد", "هزار", "میلیارد", "درصد", "دوبرابر",
];
