// Realistic, reproducible sample data for the benchmark: a volunteer group's case book with
// 5,000 households. Names come from the groups Lotse is made for (Afghan, Syrian/Iraqi,
// Ukrainian, Turkish, German), in Latin letters as in the passport and, where the person
// writes another script, in that script too. Dates are relative to `today`, so "expiring
// within 60 days" and "this week" mean something on every run; everything else depends
// only on the seed. Records start from the app's own blank records (domain/defaults.ts), as
// the browser tests' seed does, so a new field gets its default here too.
import { emptyAppointment, emptyCase, emptyPerson } from '../../src/domain/defaults';
import type {
  Appointment,
  AppointmentStatus,
  Authority,
  Bundesland,
  Case,
  ChecklistItem,
  Person,
  Relationship,
  ResidenceDocument,
  Sex,
} from '../../src/domain/types';

export type SeedCounts = { cases: number; persons: number; appointments: number };
export type SeedData = { cases: Case[]; persons: Person[]; appointments: Appointment[] };

// ---------------------------------------------------------------------------------------
// Seeded PRNG (sfc32, seeded through splitmix32): fast and good enough for test data.

export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------
// Ids: UUIDv7 layout (48-bit ms timestamp, version 7, variant 10), so they sort by time.

function uuidV7(ms: number, random: Random): string {
  const hex = (value: number, width: number): string =>
    Math.floor(value).toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const randA = hex(random.int(0, 0xfff), 3);
  const variant = hex(0x8000 | random.int(0, 0x3fff), 4);
  const tail = hex(random.int(0, 0xffffff), 6) + hex(random.int(0, 0xffffff), 6);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${variant}-${tail}`;
}

// ---------------------------------------------------------------------------------------
// Name pools. [Latin as in the passport, native script or '' when Latin is the native script]

type Name = readonly [latin: string, native: string];
type Origin = {
  key: 'af' | 'ar' | 'uk' | 'tr' | 'de';
  weight: number;
  family: readonly Name[];
  female: readonly Name[];
  male: readonly Name[];
  languages: readonly (readonly string[])[];
  countries: readonly string[];
  places: Readonly<Record<string, readonly string[]>>;
  documents: readonly (readonly [ResidenceDocument, string])[];
};

const ORIGINS: readonly Origin[] = [
  {
    key: 'af',
    weight: 25,
    family: [
      ['Haidari', 'حیدری'],
      ['Ahmadi', 'احمدی'],
      ['Rahimi', 'رحیمی'],
      ['Karimi', 'کریمی'],
      ['Hosseini', 'حسینی'],
      ['Sultani', 'سلطانی'],
      ['Noori', 'نوری'],
      ['Popal', 'پوپل'],
      ['Mohammadi', 'محمدی'],
      ['Rezaei', 'رضایی'],
      ['Jafari', 'جعفری'],
      ['Sadat', 'سادات'],
      ['Amiri', 'امیری'],
      ['Safi', 'صافی'],
      ['Stanikzai', 'ستانکزی'],
      ['Wardak', 'وردک'],
      ['Hakimi', 'حکیمی'],
      ['Nazari', 'نظری'],
      ['Azizi', 'عزیزی'],
      ['Rasuli', 'رسولی'],
      ['Haidary', 'حیدری'],
    ],
    female: [
      ['Fatima', 'فاطمه'],
      ['Zahra', 'زهرا'],
      ['Mariam', 'مریم'],
      ['Nazanin', 'نازنین'],
      ['Sediqa', 'صدیقه'],
      ['Shabnam', 'شبنم'],
      ['Mina', 'مینا'],
      ['Parwana', 'پروانه'],
      ['Freshta', 'فرشته'],
      ['Marzia', 'مرضیه'],
      ['Sakina', 'سکینه'],
      ['Nilofar', 'نیلوفر'],
    ],
    male: [
      ['Mohammad', 'محمد'],
      ['Ali', 'علی'],
      ['Hamid', 'حمید'],
      ['Farid', 'فرید'],
      ['Ahmad', 'احمد'],
      ['Mustafa', 'مصطفی'],
      ['Javad', 'جواد'],
      ['Sohrab', 'سهراب'],
      ['Reza', 'رضا'],
      ['Najib', 'نجیب'],
      ['Zabiullah', 'ذبیح‌الله'],
      ['Abdul Rahman', 'عبدالرحمن'],
      ['Mohammad Yasin', 'محمد یاسین'],
    ],
    languages: [['fa'], ['fa', 'ps'], ['ps'], ['fa', 'de']],
    countries: ['AF', 'AF', 'AF', 'AF', 'IR'],
    places: {
      AF: ['Kabul', 'Herat', 'Mazar-e Sharif', 'Kandahar', 'Jalalabad', 'Ghazni', 'Kunduz'],
      IR: ['Teheran', 'Maschhad', 'Isfahan'],
    },
    documents: [
      ['aufenthaltsgestattung', '§ 55 AsylG'],
      ['duldung', '§ 60a AufenthG'],
      ['aufenthaltserlaubnis', '§ 25 Abs. 2 AufenthG'],
      ['aufenthaltserlaubnis', '§ 22 Satz 2 AufenthG'],
      ['aufenthaltserlaubnis', '§ 25 Abs. 3 AufenthG'],
      ['ankunftsnachweis', '§ 63a AsylG'],
    ],
  },
  {
    key: 'ar',
    weight: 25,
    family: [
      ['Al-Hassan', 'الحسن'],
      ['Al-Ali', 'العلي'],
      ['Haddad', 'حداد'],
      ['Khalil', 'خليل'],
      ['Mansour', 'منصور'],
      ['Hamdan', 'حمدان'],
      ['Saleh', 'صالح'],
      ['Al-Khatib', 'الخطيب'],
      ['Darwish', 'درويش'],
      ['Nasser', 'ناصر'],
      ['Ibrahim', 'إبراهيم'],
      ['Youssef', 'يوسف'],
      ['Al-Masri', 'المصري'],
      ['Othman', 'عثمان'],
      ['Abdullah', 'عبدالله'],
      ['Al-Hamoud', 'الحمود'],
      ['Suleiman', 'سليمان'],
      ['Kassem', 'قاسم'],
      ['Mohammed', 'محمد'],
    ],
    female: [
      ['Fatima', 'فاطمة'],
      ['Aisha', 'عائشة'],
      ['Layla', 'ليلى'],
      ['Rania', 'رانيا'],
      ['Hiba', 'هبة'],
      ['Maryam', 'مريم'],
      ['Nour', 'نور'],
      ['Amal', 'أمل'],
      ['Rasha', 'رشا'],
      ['Zainab', 'زينب'],
      ['Huda', 'هدى'],
      ['Yasmin', 'ياسمين'],
    ],
    male: [
      ['Mohammed', 'محمد'],
      ['Mohamad', 'محمد'],
      ['Muhammad', 'محمد'],
      ['Ahmad', 'أحمد'],
      ['Khaled', 'خالد'],
      ['Omar', 'عمر'],
      ['Yousef', 'يوسف'],
      ['Mahmoud', 'محمود'],
      ['Hussein', 'حسين'],
      ['Ali', 'علي'],
      ['Abdulrahman', 'عبدالرحمن'],
      ['Bilal', 'بلال'],
    ],
    languages: [['ar'], ['ar'], ['ar', 'ku'], ['ar', 'de'], ['ar', 'en']],
    countries: ['SY', 'SY', 'SY', 'IQ', 'LB'],
    places: {
      SY: ['Aleppo', 'Damaskus', 'Homs', 'Idlib', 'Deir ez-Zor', 'Latakia', 'Qamischli'],
      IQ: ['Mossul', 'Bagdad', 'Erbil', 'Sindschar'],
      LB: ['Beirut', 'Tripoli'],
    },
    documents: [
      ['aufenthaltserlaubnis', '§ 25 Abs. 2 AufenthG'],
      ['aufenthaltserlaubnis', '§ 25 Abs. 1 AufenthG'],
      ['aufenthaltserlaubnis', '§ 32 AufenthG'],
      ['niederlassungserlaubnis', '§ 26 Abs. 3 AufenthG'],
      ['fiktionsbescheinigung', '§ 81 Abs. 4 AufenthG'],
      ['aufenthaltsgestattung', '§ 55 AsylG'],
    ],
  },
  {
    key: 'uk',
    weight: 25,
    family: [
      ['Shevchenko', 'Шевченко'],
      ['Kovalenko', 'Коваленко'],
      ['Bondarenko', 'Бондаренко'],
      ['Tkachenko', 'Ткаченко'],
      ['Kravchenko', 'Кравченко'],
      ['Melnyk', 'Мельник'],
      ['Oliinyk', 'Олійник'],
      ['Shevchuk', 'Шевчук'],
      ['Boiko', 'Бойко'],
      ['Kovalchuk', 'Ковальчук'],
      ['Polishchuk', 'Поліщук'],
      ['Lysenko', 'Лисенко'],
      ['Marchenko', 'Марченко'],
      ['Savchenko', 'Савченко'],
      ['Rudenko', 'Руденко'],
      ['Moroz', 'Мороз'],
      ['Pavlenko', 'Павленко'],
      ['Kushnir', 'Кушнір'],
      ['Hnatiuk', 'Гнатюк'],
    ],
    female: [
      ['Olena', 'Олена'],
      ['Oksana', 'Оксана'],
      ['Iryna', 'Ірина'],
      ['Nataliia', 'Наталія'],
      ['Yuliia', 'Юлія'],
      ['Tetiana', 'Тетяна'],
      ['Svitlana', 'Світлана'],
      ['Kateryna', 'Катерина'],
      ['Anastasiia', 'Анастасія'],
      ['Sofiia', 'Софія'],
      ['Daryna', 'Дарина'],
      ['Viktoriia', 'Вікторія'],
    ],
    male: [
      ['Andrii', 'Андрій'],
      ['Dmytro', 'Дмитро'],
      ['Mykola', 'Микола'],
      ['Oleksandr', 'Олександр'],
      ['Serhii', 'Сергій'],
      ['Volodymyr', 'Володимир'],
      ['Maksym', 'Максим'],
      ['Artem', 'Артем'],
      ['Bohdan', 'Богдан'],
      ['Yurii', 'Юрій'],
      ['Taras', 'Тарас'],
    ],
    languages: [['uk'], ['uk', 'ru'], ['ru', 'uk'], ['uk', 'en']],
    countries: ['UA'],
    places: {
      UA: ['Kyjiw', 'Charkiw', 'Odesa', 'Mariupol', 'Dnipro', 'Saporischschja', 'Lwiw', 'Cherson'],
    },
    documents: [
      ['temporary-protection-24', '§ 24 Abs. 1 AufenthG'],
      ['temporary-protection-24', '§ 24 Abs. 1 AufenthG'],
      ['temporary-protection-24', '§ 24 Abs. 1 AufenthG'],
      ['fiktionsbescheinigung', '§ 81 Abs. 5 AufenthG'],
      ['aufenthaltserlaubnis', '§ 18b AufenthG'],
    ],
  },
  {
    key: 'tr',
    weight: 17,
    family: [
      ['Öztürk', ''],
      ['Yılmaz', ''],
      ['Kaya', ''],
      ['Demir', ''],
      ['Şahin', ''],
      ['Çelik', ''],
      ['Yıldız', ''],
      ['Yıldırım', ''],
      ['Aydın', ''],
      ['Özdemir', ''],
      ['Arslan', ''],
      ['Doğan', ''],
      ['Kılıç', ''],
      ['Aslan', ''],
      ['Çetin', ''],
      ['Koç', ''],
      ['Kurt', ''],
      ['Özkan', ''],
      ['Şimşek', ''],
      ['Güneş', ''],
    ],
    female: [
      ['Ayşe', ''],
      ['Fatma', ''],
      ['Emine', ''],
      ['Hatice', ''],
      ['Zeynep', ''],
      ['Elif', ''],
      ['Gül', ''],
      ['Özlem', ''],
      ['Büşra', ''],
      ['Merve', ''],
      ['Ayşe Nur', ''],
    ],
    male: [
      ['Mehmet', ''],
      ['Mustafa', ''],
      ['Ahmet', ''],
      ['Ali', ''],
      ['Hüseyin', ''],
      ['Hasan', ''],
      ['İbrahim', ''],
      ['Murat', ''],
      ['Ömer', ''],
      ['Emre', ''],
      ['Ümit', ''],
    ],
    languages: [['tr'], ['tr', 'de'], ['tr', 'ku'], ['ku', 'tr']],
    countries: ['TR'],
    places: { TR: ['Istanbul', 'Ankara', 'Izmir', 'Gaziantep', 'Diyarbakır', 'Mardin', 'Kayseri'] },
    documents: [
      ['aufenthaltserlaubnis', '§ 30 AufenthG'],
      ['aufenthaltserlaubnis', '§ 25 Abs. 2 AufenthG'],
      ['niederlassungserlaubnis', '§ 9 AufenthG'],
      ['erlaubnis-daueraufenthalt-eu', '§ 9a AufenthG'],
      ['aufenthaltsgestattung', '§ 55 AsylG'],
      ['german-citizen', ''],
    ],
  },
  {
    key: 'de',
    weight: 8,
    family: [
      ['Müller', ''],
      ['Schäfer', ''],
      ['Schröder', ''],
      ['Köhler', ''],
      ['Günther', ''],
      ['Böhm', ''],
      ['Weiß', ''],
      ['Groß', ''],
      ['Krüger', ''],
      ['Jäger', ''],
      ['Hoffmann', ''],
      ['Becker', ''],
      ['Mueller', ''],
      ['Schulze-Löwe', ''],
    ],
    female: [
      ['Käthe', ''],
      ['Ursula', ''],
      ['Anna', ''],
      ['Lena', ''],
      ['Jördis', ''],
      ['Marie-Luise', ''],
      ['Bärbel', ''],
      ['Hannah', ''],
    ],
    male: [
      ['Jürgen', ''],
      ['Jörg', ''],
      ['Uwe', ''],
      ['Björn', ''],
      ['Sören', ''],
      ['Günter', ''],
      ['Lukas', ''],
      ['Max', ''],
    ],
    languages: [['de'], ['de', 'en']],
    countries: ['DE'],
    places: { DE: ['Berlin', 'Hamburg', 'Köln', 'Görlitz', 'Lübeck', 'Fürth'] },
    documents: [['german-citizen', '']],
  },
];

const TOTAL_WEIGHT = ORIGINS.reduce((sum, o) => sum + o.weight, 0);

function pickOrigin(random: Random): Origin {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const origin of ORIGINS) {
    roll -= origin.weight;
    if (roll < 0) return origin;
  }
  return ORIGINS[0]!;
}

const CITIES: readonly (readonly [city: string, postalCode: string, land: Bundesland])[] = [
  ['Berlin', '10969', 'BE'],
  ['Berlin', '12043', 'BE'],
  ['Berlin', '13347', 'BE'],
  ['Hamburg', '20095', 'HH'],
  ['Hamburg', '22111', 'HH'],
  ['München', '80331', 'BY'],
  ['Nürnberg', '90402', 'BY'],
  ['Würzburg', '97070', 'BY'],
  ['Köln', '50667', 'NW'],
  ['Düsseldorf', '40213', 'NW'],
  ['Dortmund', '44135', 'NW'],
  ['Essen', '45127', 'NW'],
  ['Duisburg', '47051', 'NW'],
  ['Bielefeld', '33602', 'NW'],
  ['Münster', '48143', 'NW'],
  ['Frankfurt am Main', '60311', 'HE'],
  ['Gießen', '35390', 'HE'],
  ['Stuttgart', '70173', 'BW'],
  ['Freiburg im Breisgau', '79098', 'BW'],
  ['Leipzig', '04109', 'SN'],
  ['Dresden', '01067', 'SN'],
  ['Bremen', '28195', 'HB'],
  ['Hannover', '30159', 'NI'],
  ['Göttingen', '37073', 'NI'],
  ['Lüneburg', '21335', 'NI'],
  ['Magdeburg', '39104', 'ST'],
  ['Erfurt', '99084', 'TH'],
  ['Kiel', '24103', 'SH'],
  ['Rostock', '18055', 'MV'],
  ['Potsdam', '14467', 'BB'],
  ['Saarbrücken', '66111', 'SL'],
  ['Mainz', '55116', 'RP'],
];

const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Lindenstraße',
  'Schillerstraße',
  'Goethestraße',
  'Gartenstraße',
  'Kirchweg',
  'Am Mühlbach',
  'Friedrich-Ebert-Straße',
  'Rosenweg',
  'Schloßstraße',
  'Mozartstraße',
  'Große Bleiche',
  'Hermannstraße',
  'Sonnenallee',
  'Kottbusser Damm',
  'Weserstraße',
  'An der Fähre',
];

const VOLUNTEERS = [
  'Anna',
  'Jürgen B.',
  'Sevgi',
  'Karim',
  'Olha',
  'Marie-Luise',
  'Thomas',
  'Leyla',
  'Björn',
  'Hannah',
  'Ute K.',
  'Samir',
];

const HEALTH_INSURERS = [
  'AOK Nordost',
  'AOK Bayern',
  'AOK Rheinland/Hamburg',
  'Techniker Krankenkasse',
  'Barmer',
  'DAK-Gesundheit',
  'IKK classic',
  'KKH',
];

const CASE_NOTES = [
  '',
  '',
  '',
  'Wohnung im 3. OG, Klingel defekt – bitte anrufen.',
  'Termine am besten vormittags, Kinder ab 14 Uhr zu Hause.',
  'Dolmetscherin über den Sprachmittlerpool anfragen.',
  'Widerspruch gegen Bescheid vom Jobcenter läuft.',
  'Sohn sucht Ausbildungsplatz (Kfz-Mechatronik).',
  'Wohnungssuche: 4 Zimmer, WBS vorhanden.',
  'Integrationskurs B1 abgeschlossen, Prüfung bestanden.',
];

type AppointmentKind = {
  authority: Authority;
  place: string;
  purposes: readonly string[];
  bring: readonly string[];
};

const APPOINTMENT_KINDS: readonly AppointmentKind[] = [
  {
    authority: 'auslaenderbehoerde',
    place: 'Ausländerbehörde, Friedrich-Krause-Ufer 24',
    purposes: ['Verlängerung Aufenthaltstitel', 'Abholung eAT-Karte', 'Fiktionsbescheinigung'],
    bring: ['Pass', 'Biometrisches Passfoto', 'Meldebescheinigung', 'Mietvertrag', 'Gebühr 100 €'],
  },
  {
    authority: 'jobcenter',
    place: 'Jobcenter, Rudi-Dutschke-Straße 12',
    purposes: ['Erstgespräch Bürgergeld', 'Weiterbewilligungsantrag', 'Arbeitsvermittlung'],
    bring: ['Kontoauszüge (3 Monate)', 'Mietvertrag', 'Lohnabrechnungen', 'Einladungsschreiben'],
  },
  {
    authority: 'familienkasse',
    place: 'Familienkasse, Friedrichstraße 39',
    purposes: ['Kindergeldantrag', 'Nachweis Schulbescheinigung'],
    bring: ['Geburtsurkunden', 'Steuer-ID der Kinder', 'Schulbescheinigung'],
  },
  {
    authority: 'bamf',
    place: 'BAMF Außenstelle',
    purposes: ['Anhörung im Asylverfahren', 'Zulassung Integrationskurs'],
    bring: ['Aufenthaltsgestattung', 'Ladung', 'Dokumente aus dem Herkunftsland'],
  },
  {
    authority: 'buergeramt',
    place: 'Bürgeramt Rathaus',
    purposes: ['Anmeldung der Wohnung', 'Meldebescheinigung'],
    bring: ['Pass', 'Wohnungsgeberbestätigung'],
  },
  {
    authority: 'wohngeldstelle',
    place: 'Wohngeldstelle, Yorckstraße 4',
    purposes: ['Wohngeldantrag', 'Weiterleistungsantrag Wohngeld'],
    bring: ['Mietbescheinigung', 'Einkommensnachweise'],
  },
  {
    authority: 'school',
    place: 'Grundschule am Park',
    purposes: ['Elterngespräch', 'Schulanmeldung'],
    bring: ['Zeugnisse', 'Impfpass'],
  },
  {
    authority: 'kita',
    place: 'Kita Sonnenblume',
    purposes: ['Anmeldung Kita', 'Eingewöhnung'],
    bring: ['Kita-Gutschein', 'Impfpass', 'U-Heft'],
  },
  {
    authority: 'doctor',
    place: 'Praxis Dr. Öztürk, Kinderärztin',
    purposes: ['U-Untersuchung', 'Impftermin', 'Hausarzt Überweisung'],
    bring: ['Gesundheitskarte', 'U-Heft', 'Impfpass'],
  },
  {
    authority: 'counselling',
    place: 'Migrationsberatung, Caritas',
    purposes: ['Migrationsberatung', 'Schuldnerberatung'],
    bring: ['Alle Briefe vom Amt'],
  },
  {
    authority: 'agentur-fuer-arbeit',
    place: 'Agentur für Arbeit',
    purposes: ['Anerkennung Berufsabschluss', 'Berufsberatung'],
    bring: ['Zeugnisse (übersetzt)', 'Lebenslauf'],
  },
  {
    authority: 'sozialamt',
    place: 'Sozialamt',
    purposes: ['Leistungen nach AsylbLG', 'Krankenschein'],
    bring: ['Aufenthaltsgestattung', 'Kontoauszüge'],
  },
];

// ---------------------------------------------------------------------------------------
// Small helpers for dates and numbers.

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoDate = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (d: Date, days: number): Date => {
  const copy = new Date(d);
  copy.setDate(copy.getDate() + days);
  return copy;
};
const digits = (random: Random, n: number): string =>
  Array.from({ length: n }, () => random.int(0, 9)).join('');

/** A German IBAN with a valid check number (ISO 13616, mod 97). */
function germanIban(random: Random): string {
  const bban = digits(random, 8) + digits(random, 10);
  // "DE" → 13 14, then "00" as placeholder check digits.
  const check = 98n - (BigInt(`${bban}131400`) % 97n);
  return `DE${pad(Number(check))}${bban}`;
}

function partialDateOfBirth(random: Random, ageYears: number, today: Date): string {
  const birth = addDays(today, -Math.round(ageYears * 365.25) - random.int(0, 364));
  const full = isoDate(birth);
  const roll = random.next();
  if (roll < 0.6) return full;
  if (roll < 0.85) return full.slice(0, 7);
  // Many Afghan documents carry only the year, often as 1 January.
  return random.chance(0.3) ? `${full.slice(0, 4)}-01-01` : full.slice(0, 4);
}

// ---------------------------------------------------------------------------------------

export function generateSeedData(
  counts: SeedCounts,
  options: { seed: number; today: Date },
): SeedData {
  const random = createRandom(options.seed);
  const today = new Date(options.today);
  today.setHours(12, 0, 0, 0);
  const nowMs = options.today.getTime();
  const threeYearsMs = 3 * 365 * DAY_MS;
  const stamp = (ms: number): string => new Date(ms).toISOString();

  // --- Cases: created over the last three years; updatedAt somewhere between then and now.
  const cases: Case[] = [];
  const caseOrigins: Origin[] = [];
  const caseFamilies: Name[] = [];
  const caseCreated: number[] = [];
  for (let i = 0; i < counts.cases; i += 1) {
    const origin = pickOrigin(random);
    const family = random.pick(origin.family);
    const createdMs = nowMs - Math.floor(random.next() * threeYearsMs);
    // Recent changes are more common than old ones (square skews towards "now").
    const updatedMs = nowMs - Math.floor((nowMs - createdMs) * random.next() ** 2);
    const [city, postalCode, bundesland] = random.pick(CITIES);
    const languages = [...random.pick(origin.languages)];
    const interpreterNeeded = origin.key !== 'de' && random.chance(0.6);
    const labelRoll = random.next();
    const label =
      labelRoll < 0.6
        ? `Familie ${family[0]}`
        : labelRoll < 0.75
          ? `${family[0]}, ${random.pick(random.chance(0.5) ? origin.female : origin.male)[0]}`
          : labelRoll < 0.88
            ? `AZ ${new Date(createdMs).getFullYear()}/${random.int(100, 999)} ${family[0]}`
            : '';
    cases.push({
      ...emptyCase(),
      id: uuidV7(createdMs, random),
      createdAt: stamp(createdMs),
      updatedAt: stamp(updatedMs),
      deleted: false,
      label,
      address: {
        street: `${random.pick(STREETS)} ${random.int(1, 180)}${random.chance(0.1) ? 'a' : ''}`,
        postalCode,
        city,
      },
      phone: random.chance(0.8) ? `+49 1${random.int(50, 79)} ${digits(random, 7)}` : '',
      languages,
      interpreterNeeded,
      interpreterLanguage: interpreterNeeded ? (languages[0] ?? '') : '',
      bundesland: random.chance(0.95) ? bundesland : '',
      responsibleVolunteer: random.pick(VOLUNTEERS),
      status: random.chance(0.8) ? 'open' : 'closed',
      notes: random.pick(CASE_NOTES),
    });
    caseOrigins.push(origin);
    caseFamilies.push(family);
    caseCreated.push(createdMs);
  }

  // --- Household sizes: one person each, the rest spread so that some families are large.
  const sizes = new Array<number>(counts.cases).fill(1);
  for (let extra = counts.persons - counts.cases; extra > 0; extra -= 1) {
    const i = random.int(0, counts.cases - 1);
    if ((sizes[i] ?? 1) >= 9) {
      extra += 1; // try another household
      continue;
    }
    sizes[i] = (sizes[i] ?? 1) + 1;
  }

  const persons: Person[] = [];
  const expiringWindow = { min: -10, max: 60 };
  for (let i = 0; i < counts.cases; i += 1) {
    const c = cases[i]!;
    const origin = caseOrigins[i]!;
    const family = caseFamilies[i]!;
    const size = sizes[i] ?? 1;
    const headAge = random.int(22, 62);
    const headSex: Sex = random.chance(0.55) ? 'male' : 'female';
    for (let k = 0; k < size; k += 1) {
      const relationship: Relationship =
        k === 0
          ? 'head'
          : k === 1 && random.chance(0.8)
            ? random.chance(0.9)
              ? 'spouse'
              : 'partner'
            : random.pick([
                'child',
                'child',
                'child',
                'child',
                'stepchild',
                'parent',
                'sibling',
                'grandchild',
                'other-relative',
              ] as const);
      const sex: Sex =
        k === 0
          ? headSex
          : relationship === 'spouse' || relationship === 'partner'
            ? headSex === 'male'
              ? 'female'
              : 'male'
            : random.chance(0.02)
              ? random.pick(['diverse', 'unspecified'] as const)
              : random.chance(0.5)
                ? 'female'
                : 'male';
      const age =
        relationship === 'head'
          ? headAge
          : relationship === 'spouse' || relationship === 'partner'
            ? Math.max(18, headAge + random.int(-8, 5))
            : relationship === 'parent'
              ? headAge + random.int(20, 30)
              : relationship === 'sibling' || relationship === 'other-relative'
                ? Math.max(1, headAge + random.int(-12, 12))
                : random.int(0, Math.max(0, Math.min(25, headAge - 18)));
      const given = random.pick(
        sex === 'female' ? origin.female : sex === 'male' ? origin.male : origin.female,
      );
      // Spouses in Afghan and Arab families often keep their own family name.
      const ownFamily =
        (relationship === 'spouse' || relationship === 'parent') &&
        (origin.key === 'af' || origin.key === 'ar') &&
        random.chance(0.6)
          ? random.pick(origin.family)
          : family;
      const country = random.pick(origin.countries);
      const [document, paragraph] =
        age < 1 && origin.key !== 'de' && random.chance(0.5)
          ? (['none', ''] as const)
          : random.pick(origin.documents);
      const hasExpiry =
        document !== 'german-citizen' &&
        document !== 'niederlassungserlaubnis' &&
        document !== 'erlaubnis-daueraufenthalt-eu' &&
        document !== 'none';
      let expiresOn = '';
      if (hasExpiry && random.chance(0.92)) {
        const days = random.chance(0.08)
          ? random.int(expiringWindow.min, expiringWindow.max)
          : random.int(61, 3 * 365);
        expiresOn = isoDate(addDays(today, days));
      }
      const createdMs = Math.min(
        nowMs,
        caseCreated[i]! + (k === 0 ? random.int(0, 60_000) : random.int(0, 200) * DAY_MS),
      );
      const updatedMs = nowMs - Math.floor((nowMs - createdMs) * random.next() ** 2);
      const latinOnlyInNative = origin.key !== 'tr' && origin.key !== 'de';
      // A few persons are known only by their native-script name so far.
      const nativeOnly = latinOnlyInNative && random.chance(0.02);
      const adult = age >= 16;
      persons.push({
        ...emptyPerson(c.id),
        id: uuidV7(createdMs, random),
        createdAt: stamp(createdMs),
        updatedAt: stamp(updatedMs),
        deleted: false,
        caseId: c.id,
        familyName: nativeOnly ? '' : ownFamily[0],
        givenNames: nativeOnly ? '' : given[0],
        familyNameNative: latinOnlyInNative ? ownFamily[1] : '',
        givenNamesNative: latinOnlyInNative ? given[1] : '',
        birthName:
          sex === 'female' && relationship === 'spouse' && origin.key === 'tr' && random.chance(0.5)
            ? random.pick(origin.family)[0]
            : '',
        dateOfBirth: random.chance(0.97) ? partialDateOfBirth(random, age, today) : '',
        placeOfBirth: random.pick(origin.places[country] ?? ['']),
        countryOfBirth: country,
        nationality:
          origin.key === 'ar' && random.chance(0.07)
            ? 'stateless'
            : random.chance(0.01)
              ? 'unclear'
              : country,
        sex: random.chance(0.98) ? sex : '',
        relationship,
        residence: {
          document,
          paragraph,
          documentNumber:
            document === 'none' || document === 'german-citizen'
              ? ''
              : `${random.pick(['Y', 'L', 'T', 'F'])}${digits(random, 8)}`,
          expiresOn,
        },
        bamfFileNumber:
          origin.key === 'af' || origin.key === 'ar'
            ? `${digits(random, 7)}-${random.pick(['423', '475', '163', '438'])}`
            : '',
        azrNumber: origin.key !== 'de' && random.chance(0.7) ? digits(random, 12) : '',
        taxId: adult && random.chance(0.7) ? `${random.int(1, 9)}${digits(random, 10)}` : '',
        pensionInsuranceNumber:
          adult && random.chance(0.4)
            ? `${random.int(10, 89)}${digits(random, 6)}${ownFamily[0].charAt(0).toUpperCase()}${digits(random, 3)}`
            : '',
        healthInsurance: random.chance(0.9) ? random.pick(HEALTH_INSURERS) : '',
        healthInsuranceNumber: random.chance(0.85)
          ? `${String.fromCharCode(65 + random.int(0, 25))}${digits(random, 9)}`
          : '',
        iban: adult && random.chance(0.6) ? germanIban(random) : '',
        phone: adult && random.chance(0.5) ? `+49 1${random.int(50, 79)} ${digits(random, 7)}` : '',
        email:
          adult && random.chance(0.25)
            ? `${given[0].toLowerCase().replace(/[^a-z]/g, '')}.${random.int(1, 99)}@example.org`
            : '',
        languages: [...c.languages],
      });
    }
  }

  // --- Appointments: spread over ±1 year; a few hundred in the current week.
  const appointments: Appointment[] = [];
  const monday = addDays(today, -((today.getDay() + 6) % 7));
  for (let i = 0; i < counts.appointments; i += 1) {
    const caseIndex = random.int(0, counts.cases - 1);
    const c = cases[caseIndex]!;
    let day =
      i % 50 === 0 ? addDays(monday, random.int(0, 4)) : addDays(today, random.int(-365, 365));
    if (day.getDay() === 0) day = addDays(day, 1);
    if (day.getDay() === 6) day = addDays(day, 2);
    const minutes = random.int(8 * 4, 16 * 4) * 15;
    const startsAt = `${isoDate(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    const startMs = new Date(`${startsAt}:00`).getTime();
    const isPast = startMs < nowMs;
    const kind = random.pick(APPOINTMENT_KINDS);
    const status: AppointmentStatus = isPast
      ? random.pick(['done', 'done', 'done', 'done', 'missed', 'cancelled', 'planned'] as const)
      : random.chance(0.95)
        ? 'planned'
        : 'cancelled';
    // Made 1–60 days ahead; appointments further out were entered at some point in the
    // last four months.
    const plannedMs = startMs - random.int(1, 60) * DAY_MS;
    const createdMs = Math.max(
      caseCreated[caseIndex]!,
      plannedMs <= nowMs ? plannedMs : nowMs - Math.floor(random.next() * 120 * DAY_MS),
    );
    const updatedMs = isPast
      ? Math.min(nowMs, startMs + random.int(0, 5) * DAY_MS)
      : createdMs + Math.floor((nowMs - createdMs) * random.next());
    const bring: ChecklistItem[] = [];
    const bringCount = random.int(0, Math.min(4, kind.bring.length));
    for (let b = 0; b < bringCount; b += 1) {
      bring.push({
        id: uuidV7(createdMs, random),
        text: kind.bring[b]!,
        done: status === 'done' || random.chance(0.3),
      });
    }
    appointments.push({
      ...emptyAppointment(c.id, startsAt),
      id: uuidV7(createdMs, random),
      createdAt: stamp(createdMs),
      updatedAt: stamp(Math.max(createdMs, updatedMs)),
      deleted: false,
      caseId: c.id,
      startsAt,
      place: `${kind.place}, ${c.address.city}`,
      authority: kind.authority,
      purpose: random.pick(kind.purposes),
      bring,
      interpreterNeeded: c.interpreterNeeded && random.chance(0.7),
      accompaniedBy: random.chance(0.8) ? c.responsibleVolunteer : random.pick(VOLUNTEERS),
      status,
      outcome:
        status === 'done'
          ? random.pick([
              'Erledigt.',
              'Unterlagen nachreichen bis Monatsende.',
              'Bescheid kommt per Post.',
              'Neuer Termin wird zugeschickt.',
            ])
          : status === 'missed'
            ? 'Nicht erschienen – neuen Termin anfragen.'
            : '',
    });
  }

  return { cases, persons, appointments };
}
