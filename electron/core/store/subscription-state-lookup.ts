import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { subscriptionKey } from '../../../shared/notifications/subscription-key';
import { LOCAL_ABSOLUTES, type LocalKeys, relativeKeyOf } from './subscription-key-resolver';
import type { StateRow } from './subscription-state-row';

/**
 * Subscription states found by key or by the indexes of migration 13, never by a scan: `local`
 * runs inside the receiver's commit for every subscription notification, and a sender can create
 * any number of states by inventing references. Each lookup reads a bounded number of rows.
 */
export class SubscriptionStateLookup {
  private readonly byKey: StatementSync;
  private readonly keyExists: StatementSync;
  private readonly absolutesAt: StatementSync;
  private readonly absolutesAnywhere: StatementSync;
  private readonly absolutesSentAs: StatementSync;
  private readonly bySentKey: StatementSync;

  constructor(db: DatabaseSync) {
    this.byKey = db.prepare('SELECT * FROM subscription_states WHERE reference = ?');
    // Existence only: the row itself (its state JSON) is read once, by apply, after the key is known.
    this.keyExists = db.prepare('SELECT 1 FROM subscription_states WHERE reference = ?');
    this.absolutesAt = db.prepare(`SELECT reference FROM subscription_states WHERE absolute_id = ? AND endpoint_id IS ? LIMIT ${LOCAL_ABSOLUTES}`);
    this.absolutesAnywhere = db.prepare('SELECT reference FROM subscription_states WHERE absolute_id = ? LIMIT 2');
    this.absolutesSentAs = db.prepare(`
      SELECT reference FROM subscription_states s WHERE absolute_id = ?
        AND EXISTS (SELECT 1 FROM json_each(s.state_json, '$.references') r WHERE r.value IN (?, ?)) LIMIT 2`);
    this.bySentKey = db.prepare('SELECT reference FROM subscription_states WHERE sent_key = ? LIMIT 2');
  }

  row(key: string): StateRow | undefined {
    return this.byKey.get(key) as StateRow | undefined;
  }

  /** What resolveKey needs to place a reference with an id sent to an endpoint. */
  local(id: string, endpointId: number | null): LocalKeys {
    const rows = this.absolutesAt.all(id, endpointId) as unknown as StateRow[];
    return { absolutes: rows.map((r) => r.reference), relative: this.keyExists.get(relativeKeyOf(id, endpointId)) !== undefined };
  }

  /**
   * By key; else by a reference it was sent under, when that names one state: an absolute one by
   * its normalised key; a relative one among the states kept under it (one per endpoint) and the
   * absolute ones it joined, else the one absolute key with its id.
   */
  find(reference: string): StateRow | undefined {
    const trimmed = reference.trim();
    const sent = subscriptionKey(trimmed);
    const exact = this.row(trimmed) ?? (sent.absolute ? this.row(sent.key) : undefined);
    if (exact || sent.absolute) return exact;
    const keys = (statement: StatementSync, ...params: string[]) => (statement.all(...params) as unknown as StateRow[]).map((r) => r.reference);
    const sentAs = [...keys(this.bySentKey, sent.key), ...(sent.id === null ? [] : keys(this.absolutesSentAs, sent.id, trimmed, sent.key))];
    const candidates = sentAs.length > 0 || sent.id === null ? sentAs : keys(this.absolutesAnywhere, sent.id);
    return candidates.length === 1 ? this.row(candidates[0]!) : undefined;
  }
}
