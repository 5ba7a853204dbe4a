// Country and language codes for pickers. Codes only: the UI names them with
// Intl.DisplayNames in the UI language, so no list of names has to be translated.

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), a user-assigned
 * code that German authorities and the EU use. Sorted alphabetically.
 */
// prettier-ignore
export const COUNTRY_CODES: readonly string[] = Object.freeze([
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'XK', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
]);

/**
 * Languages volunteers meet in Germany, as BCP 47 codes that Intl.DisplayNames can name.
 * Roughly ordered by how often they come up; the UI sorts by the displayed name.
 * Intl canonicalises "kmr" (Kurmanji) to "ku" and names both "Kurdish", so only "ku" is listed
 * (next to "ckb", Sorani); "prs" is named "Dari".
 */
// prettier-ignore
export const LANGUAGE_CODES: readonly string[] = Object.freeze([
  // German, lingua francas
  'de', 'en', 'fr', 'ar', 'ru',
  // Middle East, Afghanistan, Pakistan
  'fa', 'prs', 'ps', 'ur', 'tr', 'ku', 'ckb', 'zza', 'syr', 'he', 'bal',
  // Horn of Africa and East Africa
  'ti', 'am', 'om', 'so', 'sw', 'rw', 'rn',
  // West and Central Africa
  'ha', 'yo', 'ig', 'wo', 'ff', 'bm', 'ak', 'kri', 'ln',
  // North Africa
  'kab', 'tzm', 'zgh',
  // South and South-East Asia
  'hi', 'bn', 'pa', 'ta', 'si', 'ne', 'my', 'vi', 'th', 'id', 'fil', 'zh',
  // Ukraine, Caucasus, Central Asia
  'uk', 'be', 'ka', 'hy', 'az', 'ce', 'uz', 'tg', 'tk', 'kk', 'ky', 'mn', 'ug',
  // Balkans and Eastern Europe
  'sq', 'sr', 'bs', 'hr', 'mk', 'sl', 'ro', 'bg', 'rom', 'pl', 'cs', 'sk', 'hu', 'lt', 'lv', 'et',
  // Southern and Western Europe
  'es', 'it', 'pt', 'el', 'nl',
]);
