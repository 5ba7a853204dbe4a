import { describe, expect, it } from 'vitest';
import { directionOf, pickLanguage } from '../../../src/i18n/languages';

describe('pickLanguage', () => {
  it('takes the first preferred language Lotse speaks', () => {
    expect(pickLanguage(['fr-FR', 'ar-SY', 'en'])).toBe('ar');
    expect(pickLanguage(['en-GB', 'de'])).toBe('en');
    expect(pickLanguage(['DE-at'])).toBe('de');
  });
  it('falls back to German', () => {
    expect(pickLanguage(['fr', 'tr'])).toBe('de');
    expect(pickLanguage([])).toBe('de');
  });
});

describe('directionOf', () => {
  it('knows right-to-left scripts', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-AF')).toBe('rtl');
    expect(directionOf('ps')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
    expect(directionOf('uk')).toBe('ltr');
  });
});
