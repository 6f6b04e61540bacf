// The mini program's own files, for the tests that read its sources: miniprogram_npm (the packages npm built into it)
// left out.
import { filesUnder } from '../../tools/lib/files-under';
import { MP_ROOT } from '../../tools/preview/paths';

/** Absolute paths of the mini program's own files ending in `ext` (".ts", ".wxml"). */
export const ownMiniprogramFiles = (ext: string): string[] => filesUnder(MP_ROOT, { skipDir: (name) => name === 'miniprogram_npm', keepFile: (name) => name.endsWith(ext) });
