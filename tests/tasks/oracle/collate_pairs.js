// Pairs of texts with ICU's verdict, for measuring kb's collation against
// the plugin's `localeCompare(b, undefined, {numeric: true})` (needs node 20
// with full ICU; not run by the suite). Prints `set<TAB>a<TAB>b<TAB>sign`
// lines; collate_agreement.cpp reads them and prints kb's agreement per set.
//   node tests/tasks/oracle/collate_pairs.js > /tmp/pairs.tsv
// Sets: `blk:NAME`, 3,000 pairs of 1-3 random assigned characters of one
// block (with a prefix "", "x ", "a", "1" or "Z" shared by both sides half
// the time, an "a" suffix sometimes); `words:SCRIPT`, 2,000 pairs of 1-2
// realistic words of that script, some with a mark or sign added, dropped
// or swapped, so that pairs differ at every level.
const coll = new Intl.Collator('en', { numeric: true });
let seed = 0x2545f491;
function rand() {  // xorshift32: the same pairs on every run
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const assigned = (c) => !/\p{Cn}|\p{Cs}|\p{Co}|\p{Cc}/u.test(c);

const blocks = {
  ascii: [[0x20, 0x7e]], 'latin-ext': [[0x100, 0x24f]], ipa: [[0x250, 0x2af]],
  'spacing-modifiers': [[0x2b0, 0x2ff]], 'combining-marks': [[0x300, 0x36f]],
  greek: [[0x370, 0x3ff]], cyrillic: [[0x400, 0x52f]], armenian: [[0x530, 0x58f]],
  hebrew: [[0x590, 0x5ff]], arabic: [[0x600, 0x6ff]], 'arabic-suppl': [[0x750, 0x77f], [0x8a0, 0x8ff]],
  syriac: [[0x700, 0x74f]], thaana: [[0x780, 0x7bf]], devanagari: [[0x900, 0x97f]],
  bengali: [[0x980, 0x9ff]], gurmukhi: [[0xa00, 0xa7f]], gujarati: [[0xa80, 0xaff]],
  oriya: [[0xb00, 0xb7f]], tamil: [[0xb80, 0xbff]], telugu: [[0xc00, 0xc7f]],
  kannada: [[0xc80, 0xcff]], malayalam: [[0xd00, 0xd7f]], sinhala: [[0xd80, 0xdff]],
  thai: [[0xe00, 0xe7f]], lao: [[0xe80, 0xeff]], tibetan: [[0xf00, 0xfff]],
  georgian: [[0x10a0, 0x10ff]], 'phonetic-ext': [[0x1d00, 0x1dbf]], 'latin-ext-add': [[0x1e00, 0x1eff]],
  'greek-ext': [[0x1f00, 0x1fff]], punctuation: [[0x2000, 0x206f]], 'letterlike-numbers': [[0x2100, 0x218f]],
  'symbols-misc': [[0x2190, 0x2bff]], 'latin-ext-c-d': [[0x2c60, 0x2c7f], [0xa720, 0xa7ff]],
  'cjk-symbols': [[0x3000, 0x303f]], kana: [[0x3040, 0x30ff]], hangul: [[0xac00, 0xd7a3]],
  cjk: [[0x4e00, 0x9fff]], 'hebrew-arabic-forms': [[0xfb1d, 0xfdff], [0xfe70, 0xfeff]],
  fullwidth: [[0xff00, 0xffef]], 'digits-other': [[0x660, 0x669], [0x966, 0x96f], [0xe50, 0xe59], [0x2460, 0x24ff]],
  'math-alnum': [[0x1d400, 0x1d7ff]], emoji: [[0x1f300, 0x1faff]],
};
const prefixes = ['', 'x ', 'a', '1', 'Z'];
const out = [];
const emit = (set, a, b) => {
  const r = coll.compare(a, b);
  out.push(`${set}\t${a}\t${b}\t${r < 0 ? -1 : r > 0 ? 1 : 0}`);
};
for (const [name, ranges] of Object.entries(blocks)) {
  const chars = [];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; ++cp) {
      const c = String.fromCodePoint(cp);
      if (assigned(c)) chars.push(c);
    }
  }
  const text = () => {
    let s = '';
    for (let n = 1 + Math.floor(rand() * 3); n > 0; --n) s += pick(chars);
    return s;
  };
  for (let i = 0; i < 3000; ++i) {
    const shared = rand() < 0.5 ? pick(prefixes) : null;
    let a = (shared ?? pick(prefixes)) + text(), b = (shared ?? pick(prefixes)) + text();
    if (rand() < 0.15) a += 'a';
    if (rand() < 0.15) b += 'a';
    emit('blk:' + name, a, b);
  }
}

// Realistic words: consonants with vowel signs, viramas (conjuncts),
// nasal signs, nukta; Thai and Lao with tone marks and prevowels; pointed
// Hebrew and Arabic with harakat; IPA transcriptions.
const words = {
  devanagari: ['हिन्दी', 'हिंदी', 'भारत', 'नमस्ते', 'क्षमा', 'कृपया', 'विद्यालय', 'पत्र', 'प्रेम', 'ज़िंदगी', 'जिंदगी',
    'सूर्य', 'चाँद', 'चांद', 'दुःख', 'ॐ', 'कल', 'काल', 'किल', 'कील', 'कुल', 'कूल', 'केल', 'कैल', 'कोल', 'कौल', 'क्ल',
    'कँ', 'कं', 'कः', 'क़लम', 'कलम', 'फ़ोन', 'फोन', 'ड़', 'ड', 'अ', 'आ', 'इ', 'ई', 'उ', 'ऊ', 'ऋ', 'ए', 'ऐ', 'ओ', 'औ',
    'त्र', 'श्र', 'ज्ञ', 'द्ध', 'मराठी', 'संस्कृत', 'नेपाल', '२०२४', 'कार्य', 'कार्यक्रम'],
  bengali: ['বাংলা', 'বাঙালি', 'কলকাতা', 'ভালোবাসা', 'ক্ষমা', 'আমি', 'তুমি', 'সে', 'কী', 'কি', 'কৃষ্ণ', 'রবীন্দ্রনাথ',
    'চাঁদ', 'চাদ', 'দুঃখ', 'ৎ', 'উৎসব', 'উত্সব', 'য়', 'য', 'ড়', 'ড', 'কে', 'কো', 'কৌ', 'ক্', '১২'],
  tamil: ['தமிழ்', 'தமிழ', 'சென்னை', 'வணக்கம்', 'கா', 'கி', 'கீ', 'கு', 'கூ', 'கெ', 'கே', 'கை', 'கொ', 'கோ', 'கௌ', 'க்',
    'க', 'ஃ', 'அம்மா', 'அப்பா', 'ஸ்ரீ', 'க்ஷ', 'நன்றி', 'இந்தியா', 'மொழி', 'பள்ளி'],
  gurmukhi: ['ਪੰਜਾਬੀ', 'ਗੁਰਮੁਖੀ', 'ਸਤਿ', 'ਸ੍ਰੀ', 'ਅਕਾਲ', 'ਖ਼ਾਲਸਾ', 'ਖਾਲਸਾ', 'ਕੱਲ', 'ਕਲ'],
  gujarati: ['ગુજરાતી', 'નમસ્તે', 'અમદાવાદ', 'કૃપા', 'કં', 'કઁ'],
  telugu: ['తెలుగు', 'హైదరాబాద్', 'నమస్కారం', 'కా', 'కి', 'క్'],
  kannada: ['ಕನ್ನಡ', 'ಬೆಂಗಳೂರು', 'ನಮಸ್ಕಾರ', 'ಕಾ', 'ಕೆ', 'ಕೊ'],
  malayalam: ['മലയാളം', 'കേരളം', 'നന്ദി', 'കാ', 'ക്', 'ൻ', 'ന്', 'ർ', 'ര്'],
  thai: ['ไทย', 'ภาษาไทย', 'สวัสดี', 'ขอบคุณ', 'กรุงเทพ', 'ไม่', 'ไม้', 'ใหม่', 'ไหม', 'ไหม้', 'ม้า', 'มา', 'หมา', 'ม่า',
    'ก่า', 'ก้า', 'ก๊า', 'ก๋า', 'กา', 'เก่ง', 'เกง', 'แก้ว', 'แกว', 'โต๊ะ', 'เด็ก', 'เดก', 'น้ำ', 'นำ', 'ค่ะ', 'คะ', 'ครับ',
    'กรรม', 'การ', 'ศักดิ์', 'ศักดิ', 'ๆ', 'ฯ', '๑๒'],
  lao: ['ລາວ', 'ພາສາລາວ', 'ສະບາຍດີ', 'ຂອບໃຈ', 'ເມືອງ', 'ໄມ້', 'ໃໝ່', 'ໄໝ', 'ກ່າ', 'ກ້າ', 'ກ໊າ', 'ກ໋າ', 'ກາ', 'ແກ້ວ',
    'ແກວ', 'ໜ', 'ຫນ', 'ໝ', 'ຫມ', '໑໒'],
  hebrew: ['עברית', 'עִבְרִית', 'שלום', 'שָׁלוֹם', 'שָלוֹם', 'ירושלים', 'יְרוּשָׁלַיִם', 'ספר', 'סֵפֶר', 'סֶפֶר', 'מלך',
    'מֶלֶךְ', 'מלכה', 'כ', 'ך', 'כּ', 'בּ', 'ב', 'בְּ', 'שׁ', 'שׂ', 'ש', 'תּוֹרָה', 'תורה', 'אֱלֹהִים', 'בְּרֵאשִׁית',
    'ה׳', 'ה״', 'נ', 'ן', 'פ', 'ף', 'צ', 'ץ', 'מ', 'ם', 'װ', 'וו', 'ײ', 'יי'],
  arabic: ['العربية', 'عربي', 'عَرَبِيّ', 'مرحبا', 'مَرْحَبًا', 'كتاب', 'كِتَاب', 'كُتُب', 'كَتَبَ', 'كتب', 'مدرسة', 'مَدْرَسَة',
    'سلام', 'سَلَام', 'أ', 'إ', 'آ', 'ا', 'ٱ', 'ء', 'ؤ', 'ئ', 'ى', 'ي', 'ة', 'ه', 'ت', 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی',
    'فارسی', 'اردو', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ۃ', 'ہ', 'ھ', 'الله', 'اللّٰه', 'محمد', 'مُحَمَّد', 'ـ', 'كـتـاب',
    '١٢٣', '۱۲۳', '؟', '،'],
  ipa: ['ˈhɛloʊ', 'həˈloʊ', 'ˌɪntərˈnæʃənəl', 'θɪŋk', 'ðɪs', 'ʃiːp', 'ʃɪp', 'tʃɜːtʃ', 'dʒʌdʒ', 'ʒ', 'ŋ', 'ɲ', 'ɾ', 'ɹ',
    'ʁ', 'ʔ', 'ʕ', 'ɑː', 'ɑ', 'a', 'ɐ', 'æ', 'ɛ', 'e', 'ə', 'ɚ', 'ɝ', 'ɪ', 'i', 'ɔ', 'o', 'ʊ', 'u', 'ʌ', 'ɒ',
    'pʰ', 'p', 'kʷ', 'k', 'tʲ', 'nˠ', 'ã', 'ẽ', 'ə̃', 'l̩', 'n̩', 'ɫ', 'ɬ', 'ɮ', 'β', 'ɸ', 'χ', 'ɣ', 'ħ', 'ɦ',
    'ʰ', 'ʲ', 'ʷ', 'ˈ', 'ˌ', 'ː', 'ˑ', '˥', '˩', 'ꜛ', 'ꜜ', '↗', 'ʼ', 'ʻ', 'ʽ', 'ˀ', 'ˁ'],
};
const marks = {
  devanagari: ['\u093e', '\u093f', '\u0940', '\u0941', '\u0942', '\u0947', '\u0948', '\u094b', '\u094c', '\u094d', '\u0902', '\u0901', '\u0903', '\u093c', '\u0951'],
  bengali: ['\u09be', '\u09bf', '\u09c0', '\u09c1', '\u09c7', '\u09cb', '\u09cd', '\u0982', '\u0981', '\u09bc'],
  tamil: ['\u0bbe', '\u0bbf', '\u0bc6', '\u0bca', '\u0bcd', '\u0b82'],
  gurmukhi: ['\u0a3e', '\u0a3f', '\u0a4d', '\u0a70', '\u0a71', '\u0a3c'],
  gujarati: ['\u0abe', '\u0acd', '\u0a82', '\u0abc'],
  telugu: ['\u0c3e', '\u0c4d', '\u0c02'],
  kannada: ['\u0cbe', '\u0ccd', '\u0c82'],
  malayalam: ['\u0d3e', '\u0d4d', '\u0d02'],
  thai: ['\u0e48', '\u0e49', '\u0e4a', '\u0e4b', '\u0e47', '\u0e4c', '\u0e31', '\u0e34', '\u0e38', '\u0e4d', '\u0e4e'],
  lao: ['\u0ec8', '\u0ec9', '\u0eca', '\u0ecb', '\u0eb1', '\u0eb4', '\u0ecc', '\u0ecd'],
  hebrew: ['\u05b0', '\u05b4', '\u05b5', '\u05b6', '\u05b7', '\u05b8', '\u05b9', '\u05bb', '\u05bc', '\u05c1', '\u05c2', '\u0591', '\u05bf'],
  arabic: ['\u064e', '\u064f', '\u0650', '\u064b', '\u064c', '\u064d', '\u0651', '\u0652', '\u0670', '\u0653', '\u0654', '\u0655', '\u0640'],
  ipa: ['\u0303', '\u0329', '\u0325', '\u02d0', '\u02b0', '\u02c8', '\u031a', '\u0361'],
};
for (const [script, list] of Object.entries(words)) {
  const vary = (w) => {
    const cs = [...w];
    const r = rand();
    const at = Math.floor(rand() * (cs.length + 1));
    if (r < 0.25) cs.splice(at, 0, pick(marks[script]));          // add a mark
    else if (r < 0.4 && cs.length > 1) cs.splice(Math.min(at, cs.length - 1), 1);  // drop a character
    else if (r < 0.5 && cs.length > 1) {                             // swap two
      const i = Math.min(at, cs.length - 2);
      [cs[i], cs[i + 1]] = [cs[i + 1], cs[i]];
    }
    return cs.join('');
  };
  const text = () => {
    let s = vary(pick(list));
    if (rand() < 0.3) s += pick([' ', ' ', '-', '']) + vary(pick(list));
    return s;
  };
  for (let i = 0; i < 2000; ++i) {
    const a = text();
    const b = rand() < 0.3 ? vary(a) : text();
    emit('words:' + script, a, b);
  }
}
process.stdout.write(out.join('\n') + '\n');
