// Types of local-globals.js, which jest's transforms (plain CommonJS, loaded before any TypeScript) require.
/** The global names a wrapped module reads once, when it loads. */
export declare const NAMES: readonly string[];
/** The module's code inside the wrapper that binds NAMES (and globalThis) to locals; lines keep their numbers. */
export declare function withLocalGlobals(code: string): string;
/** Changes when the wrapper does: part of both transforms' cache keys. */
export declare const WRAPPER_KEY: string;
