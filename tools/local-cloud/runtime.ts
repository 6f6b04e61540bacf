// The link between the requester the SDK instantiates (it knows nothing about us) and the configured local cloud.
import type { ActionData, ActionParams } from './executor';

export interface DatabaseBackend {
  execute(action: string, params: ActionParams): ActionData;
  /** called for every request that reaches the requester (the self-test watches it) */
  onRequest?(action: string, params: ActionParams): void;
}

let backendProvider: (() => DatabaseBackend) | null = null;

export function setBackendProvider(provider: () => DatabaseBackend): void {
  backendProvider = provider;
}

export function backend(): DatabaseBackend {
  if (!backendProvider) throw new Error('local cloud: no database backend registered (tools/local-cloud/index.ts was not loaded)');
  return backendProvider();
}
