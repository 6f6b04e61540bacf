// Accessibility of every page in care mode (关怀模式: larger text, taller lines, bigger targets), as in normal mode
// (tests/e2e/helpers/accessibility-suite.ts; docs/accessibility.md).
import { accessibilitySuite } from './helpers/accessibility-suite';

accessibilitySuite('care');
