// setupFiles of the miniprogram project: runs before miniprogram-simulate is loaded. Keep the environment honest:
// pages must not rely on Node globals the mini program does not have.
import { deserialize, serialize } from 'v8';

// The exception: page tests run the cloud function and the local cloud in this same jsdom realm, and
// jest-environment-jsdom 29 does not expose Node's structuredClone, which the local cloud's transactions use.
const g = globalThis as unknown as { structuredClone?: (value: unknown) => unknown };
g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
