// setupFiles of the miniprogram project: runs before miniprogram-simulate is loaded. Nothing to do yet but keep the
// environment honest: pages must not rely on Node globals the mini program does not have.
export {};
