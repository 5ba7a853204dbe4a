// Records on the wire: the plaintext record (tombstones included, so a delete is
// authenticated like any edit) encrypted into a record envelope, as standard base64 (pushes,
// JSON pull pages) or as raw bytes (binary pull pages, pull-page.ts).
import { fromBase64Url, toBase64 } from '../crypto/bytes';
import type { CryptoErrorCode } from '../crypto/codes';
import type { Keyring } from '../crypto/keyring';
import { decryptRecord, encryptRecord } from '../crypto/record-envelope';
import { err, ok, type Result } from '../shared/result';
import type { SyncRecord } from './local-store';
import type { PulledRecord } from './pull-page';

export type EncodedRecord = { ciphertext: string; keyEpoch: number; deleted: boolean };

export type RecordCodec = {
  /** The epoch new ciphertexts are written with. */
  currentEpoch(): number;
  /** `rev`: the revision this version becomes when accepted (baseRev + 1). */
  encode(kind: string, record: SyncRecord, rev: number): Promise<EncodedRecord>;
  decode(server: PulledRecord): Promise<Result<SyncRecord, CryptoErrorCode>>;
};

/** `keyring` is read on every call, so a new key epoch takes effect at once. */
export function createRecordCodec(keyring: () => Keyring): RecordCodec {
  return {
    currentEpoch: () => keyring().current,
    async encode(kind, record, rev) {
      const current = keyring();
      const address = { teamId: current.teamId, kind, recordId: record.id, rev };
      const envelope = await encryptRecord(current, address, record);
      return {
        ciphertext: toBase64(envelope),
        keyEpoch: current.current,
        deleted: record.deleted === true,
      };
    },
    async decode(server) {
      const envelope =
        typeof server.ciphertext === 'string'
          ? fromBase64Url(server.ciphertext)
          : server.ciphertext;
      if (!envelope) return err('crypto-malformed');
      const current = keyring();
      const address = {
        teamId: current.teamId,
        kind: server.kind,
        recordId: server.id,
        rev: server.rev,
      };
      const value = await decryptRecord(current, address, envelope);
      if (!value.ok) return value;
      const record = value.value;
      // Authenticated, so a mismatch here is a client bug elsewhere, not an attack; refuse it.
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        return err('crypto-malformed');
      }
      if ((record as { id?: unknown }).id !== server.id) return err('crypto-tampered');
      return ok(record as SyncRecord);
    },
  };
}
