// setupFilesAfterEnv of the miniprogram project: simulate has defined Component/Behavior; add what it lacks.
import 'miniprogram-simulate';
import { installMiniprogramShims, type ShimGlobals } from '../../tools/mp-shims';

const shims = installMiniprogramShims(globalThis as unknown as ShimGlobals);
(globalThis as unknown as { __mpShims: typeof shims }).__mpShims = shims;
