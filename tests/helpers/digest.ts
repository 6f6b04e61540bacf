// A fingerprint of everything stored, to prove that a refused request wrote nothing: one hash per collection (so a
// failure names the collection that changed) and the openapi outbox (messages sent, content checks).
import { createHash } from 'crypto';
import { localCloud, localCloudInternals } from '../../tools/local-cloud';

export function storedDigest(): Record<string, string> {
  const store = localCloudInternals.store;
  const digest: Record<string, string> = {};
  for (const name of store.collectionNames().sort()) {
    const hash = createHash('sha256');
    // A sort on _id is what strict mode serves without a filter; the documents in a stable order.
    for (const doc of store.find(name, { sort: [['_id', 1]] })) hash.update(JSON.stringify(doc)).update('\n');
    digest[name] = `${store.collectionSize(name)}:${hash.digest('hex').slice(0, 16)}`;
  }
  digest['(outbox)'] = String(localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send').length);
  return digest;
}
