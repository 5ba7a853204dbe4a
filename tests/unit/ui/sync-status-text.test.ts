// The sync state in words, with the real locales: the time is the device's local time in
// the UI language, counts are plural-aware, and a state with pending changes never reads as
// "synced" (the state comes from sync/status.ts; this checks the words match it).
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../../../locales/de.json';
import en from '../../../locales/en.json';
import { deriveSyncStatus } from '../../../src/sync/status';
import { attentionTexts, syncStatusText } from '../../../src/ui/components/sync-status-text';

const facts = {
  online: true,
  pending: 0,
  lastSyncedAt: null,
  lastFailure: null,
  problems: [],
  conflictedRecords: 0,
} as const;

const i18n = i18next.createInstance();
let t: TFunction;

beforeAll(async () => {
  await i18n.init({
    lng: 'de',
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

describe('sync status text', () => {
  it('says "all synced at 14:02" in local time, in the UI language', async () => {
    const at = new Date(2026, 10, 22, 14, 2).toISOString(); // 14:02 on this machine's clock
    const status = deriveSyncStatus({ ...facts, lastSyncedAt: at });
    expect(syncStatusText(t, status, 'de')).toEqual({
      text: 'Alles synchronisiert um 14:02',
      tone: 'ok',
    });
    const en = i18n.getFixedT('en');
    expect(syncStatusText(en, status, 'en').text).toBe('All synced at 2:02 PM');
  });

  it('counts changes not yet uploaded, never "synced" while the outbox holds anything', () => {
    const at = new Date().toISOString();
    const one = deriveSyncStatus({ ...facts, pending: 1, lastSyncedAt: at });
    const three = deriveSyncStatus({ ...facts, pending: 3, lastSyncedAt: at });
    expect(syncStatusText(t, one, 'de').text).toBe('1 Änderung noch nicht hochgeladen');
    expect(syncStatusText(t, three, 'de').text).toBe('3 Änderungen noch nicht hochgeladen');
    expect(syncStatusText(t, three, 'de').tone).toBe('pending');
  });

  it('offline, with what is waiting', () => {
    const offline = deriveSyncStatus({ ...facts, online: false, pending: 2 });
    expect(syncStatusText(t, offline, 'de').text).toBe(
      'Offline – 2 Änderungen noch nicht hochgeladen',
    );
    expect(syncStatusText(t, deriveSyncStatus({ ...facts, online: false }), 'de').text).toBe(
      'Offline',
    );
  });

  it('needs attention, with a sentence per reason and for a full disk', () => {
    const status = deriveSyncStatus({
      ...facts,
      conflictedRecords: 2,
      lastFailure: 'device-revoked',
    });
    expect(syncStatusText(t, status, 'de')).toEqual({
      text: 'Braucht Aufmerksamkeit',
      tone: 'attention',
    });
    const reasons = status.state === 'needs-attention' ? status.reasons : [];
    const texts = attentionTexts(t, reasons, 'quota-exceeded');
    expect(texts).toHaveLength(3);
    expect(texts).toContain('Dieses Gerät wurde aus dem Team entfernt.');
    expect(texts.at(-1)).toMatch(/Speicher des Geräts ist voll/);
  });
});
