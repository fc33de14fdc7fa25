import fc from 'fast-check';
import type { Quirks } from './synthetic-report.ts';

/** Every combination of the publisher quirks synthetic-report.ts can draw, for the property tests. */
export const quirksArb: fc.Arbitrary<Quirks> = fc.record({
  halfWidthBrackets: fc.boolean(),
  numberingComma: fc.boolean(),
  fullWidthDigits: fc.boolean(),
  blankZeros: fc.boolean(),
  subtotalRow: fc.boolean(),
  repeatedHeader: fc.boolean(),
});
