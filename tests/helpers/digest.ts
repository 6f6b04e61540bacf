// A fingerprint of everything stored, to prove that a refused request wrote nothing: one hash per collection (so a
// failure names the collection that changed) and the openapi outbox (messages sent, content checks).
import { createHash } from 'crypto';
import { localCloud, localCloudInternals } from '../../tools/local-cloud';

export function storedDigest(): Record<string, string> {
  const store = localCloudInternals.store;
  const digest: Record<string, string> = {};
  for (const name of store.collectionNames().sort()) {
    const hash = createHash('sha256');
    // The stored text in _id order: a stable order, and no document changes without its stored text changing.
    const texts = store.storedTexts(name);
    hash.update(texts.join('\n'));
    digest[name] = `${texts.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  digest['(outbox)'] = String(localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send').length);
  return digest;
}
