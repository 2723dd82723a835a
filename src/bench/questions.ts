import type { Prng } from "./prng.js";

/** The fixed question set: English, Arabic and Persian, short and long, about the seeds' topics and beyond. */
export const QUESTIONS: readonly string[] = [
  // English
  "Lavrov in Tehran",
  "what did Jalali discuss about the Caspian Sea?",
  "Lavrov meeting with Pezeshkian",
  "Velayati on the Syrian crisis",
  "Iran membership in the Shanghai Cooperation Organization",
  "nuclear deal",
  "sanctions",
  "Persian Gulf security",
  "What did the Russian foreign minister say about the comprehensive strategic partnership treaty with Iran?",
  "Araghchi and Lavrov talks on Ukraine and the war",
  "North-South transport corridor and the Eurasian Economic Union",
  "who is the Iranian ambassador in Moscow",
  // Arabic
  "لافروف في طهران",
  "ماذا قال بزشكيان عن العلاقات مع روسيا؟",
  "الاتفاقية الاستراتيجية الشاملة بين إيران وروسيا",
  "العقوبات الأمريكية على إيران",
  "بحر قزوين",
  "ولايتي والأزمة السورية",
  "الاتحاد الاقتصادي الأوراسي",
  "كيف وصف وزير الخارجية الروسي زيارته إلى طهران ومحادثاته مع نظيره الإيراني عباس عراقجي؟",
  "اللاجئين السوريين",
  "منظمة شنغهاي للتعاون",
  "الاتفاق النووي",
  "السفير الإيراني لدى روسيا كاظم جلالي",
  // Persian
  "سفر لاوروف به تهران",
  "روابط ایران و روسیه",
  "پزشکیان و پوتین",
  "برجام و تحریم ها",
  "دریای خزر",
  "کریدور شمال جنوب",
  "سخنان ولایتی درباره سوریه",
  "همکاری های اقتصادی ایران و روسیه در حوزه انرژی و حمل و نقل چگونه است؟",
  "سفیر ایران در مسکو",
  "شورای امنیت سازمان ملل",
  "معاهده همکاری راهبردی جامع",
  "وزیر امور خارجه روسیه",
];

export interface WorstCase {
  name: string;
  question: string;
}

/** The worst cases of issue 5, built deterministically from words of the corpus vocabulary. */
export function worstCases(words: readonly string[], rng: Prng): WorstCase[] {
  const pool = words.length ? words : ["كلمة"];
  let long = "";
  while (long.length < 4096) long += `${rng.pick(pool)} `;
  const distinct = new Set<string>();
  for (let i = 0; distinct.size < 500 && i < 100_000; i++) distinct.add(pool[i % pool.length]!);
  let word = "";
  const letters = "ابتثجحخدذرسشصضطظعغفقكلمنهوي";
  while (word.length < 2000) word += letters[Math.floor(rng.next() * letters.length)];
  return [
    { name: "4096-char question", question: long.slice(0, 4096) },
    { name: "500 distinct words", question: [...distinct].join(" ") },
    { name: "2000-letter word", question: word },
    { name: "stop word ×200", question: Array(200).fill("في").join(" ") },
  ];
}
