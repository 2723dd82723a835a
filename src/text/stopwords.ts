import { fold } from "./fold.js";

/**
 * Function words of Arabic, Persian and English: prepositions, pronouns, particles, auxiliaries and the
 * question words of a chat. Deliberately small: news content words («زيارة», «لقاء», "billion") are NOT here,
 * though general lists (stopwords-iso) include them. Arabic includes the question words people type in dialect
 * (شو، ليش، قديش، إزاي، اللي; رح "will"), not «وين» "where" and «مين» "who", which fold to Persian «وین» Vienna and
 * «مین» landmine: see withoutDialectQuestionWords, which tells them apart before folding. Persian includes the spoken
 * function words of a chat («رو» for «را», «تو» for «در», «کدوم», «چیه», «اون»; written Persian has «رو» only in «از
 * این رو»). Stored folded, like every term. Persian «زیر» ("under") is left
 * out: Light10 stems Arabic «وزير» (minister) to «زير», which would then vanish as a stop word.
 */
const ARABIC = `
في من على الى إلى عن مع ان أن إن انه أنه انها أنها كان كانت يكون تكون هذا هذه ذلك تلك هو هي هم هما نحن انت أنت
التي الذي الذين اللذين اللتين اللواتي ما ماذا لماذا كيف متى اين أين هل لم لن لا قد ثم او أو أم بل لكن حتى اذا إذا
كل بعض غير بين عند عندما حيث كما مثل فيه فيها منه منها عليه عليها اليه إليه اليها إليها له لها لهم به بها بهم
وفي ومن وعلى والى وإلى وعن ومع وان وأن وقد ولا ولم وهو وهي وكان وكانت وهذا وهذه وذلك وما وكما وكل وبين ضمن خلال
لدى لدي الا إلا سوى منذ قبل بعد أي اي ايضا أيضا فقط كذلك هناك هنا يا اما أما إما انما إنما لكي كي لو لولا
عبر نحو حول تجاه ازاء إزاء بشأن بشان وبشأن حيال دون فوق تحت امام أمام وراء خلف اذ إذ فان فإن بان بأن لان لأن
التى الى ى هى كم بكم
شو شنو ايش إيش وش ليش ليه فين منو قديش اديش أديش كام ازاي إزاي كيفاش واش امتى إمتى ايمتى اللي هلق هلأ هيك
رح مش مو صار صارت بالضبط بالزبط تحديدا بالتحديد
بماذا فماذا عما عمن مما ممن بمن لمن فيما بينما كلما حينما طالما ربما
`;
const PERSIAN = `
و در به از که را با این آن برای تا هم یا اما اگر چه چرا چگونه کجا کی آیا چی چیست کدام است هست بود شد شده باشد
نیز هر همه هیچ بر پس پیش بین روی درباره دربارهٔ مورد طی ضمن توسط میان نزد سوی جز بدون مانند مثل خود خویش
او ما شما آنها ایشان اینکه آنکه چون زیرا ولی بلکه نه می نمی های ها ای یک یکی دیگر همین همان چنین چنان وی
کرد کرده کند کنند کردند میکند میکنند دارد دارند داشت داشته بودند شود شوند گفت گفته خواهد چقدر چند
رو تو کدوم کردن چیه کیه اون اونا اینا بهش ازش چطور چطوری چجوری واسه
توش توشون باهاش باهاشون بهشون ازشون واسش واسشون براش براشون دیگه یعنی ینی دقیقا بالاخره واقعا
`;
const ENGLISH = `
a an the and or but if then than so as of in on at to from by for with about into onto over under between among
through during before after since until while within without against toward towards upon via per
is are was were be been being am do does did done doing have has had having will would shall should can could may
might must i me my we us our you your he him his she her it its they them their this that these those there here
what which who whom whose when where why how whether not no nor yes all any some each every both either neither
also just only very too more most much many such own same other another again still ever even yet already
let lets tell told show shows give me please get got say says said know according
s t d ll re ve m
`;

function toSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold));
}

/** Arabic function words alone: Arabic glues «و» to them («وفي»); Persian writes «و» apart. */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = toSet(ARABIC);

export const STOP_WORDS: ReadonlySet<string> = new Set([...ARABIC_STOP_WORDS, ...toSet(PERSIAN), ...toSet(ENGLISH)]);

/** True for a folded token that carries no content. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/**
 * Arabic dialect «وين» "where" and «مين» "who" fold to Persian «وین» Vienna and «مین» landmine, so they cannot be stop
 * words after folding. Before folding they differ: Arabic writes them with «ي» (U+064A), Persian with «ی» (U+06CC),
 * and Arabic writes Vienna «فيينا». Blanks the Arabic spellings (with «و» and a preposition glued on: «لوين») out of
 * raw text.
 */
export function withoutDialectQuestionWords(text: string): string {
  return text.replace(DIALECT_QUESTION_WORDS, (_, before: string) => before);
}

// With a preposition glued on: «لوين» (to where), «منين» (from where), «لمين» (to whom), «عوين»; «و» before any.
const DIALECT_QUESTION_WORDS = /(^|[^\p{L}\p{M}])و?(?:(?:ل|ع|من|ب)?(?:\u0648\u064a\u0646|\u0645\u064a\u0646)|\u0645\u0646\u064a\u0646)(?![\p{L}\p{M}])/gu;
