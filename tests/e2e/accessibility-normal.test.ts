// Accessibility of every page in normal mode (tests/e2e/helpers/accessibility-suite.ts; docs/accessibility.md).
import { accessibilitySuite } from './helpers/accessibility-suite';

accessibilitySuite('normal');
