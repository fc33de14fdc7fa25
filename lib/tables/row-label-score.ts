import type { RowDef } from '../model/form.ts';
import { containment, normalizeLabel } from './normalize.ts';

const formLabels = new WeakMap<RowDef, { variants: string[]; full: string }>();

/** The normalised spellings of a form row (its label and accepted variants), cached. */
export function labelsOf(def: RowDef): { variants: string[]; full: string } {
  let labels = formLabels.get(def);
  if (!labels) {
    const variants = [def.label, ...(def.variants ?? [])].map(normalizeLabel);
    labels = { variants, full: normalizeLabel((def.group ?? '') + def.label) + variants.join('') };
    formLabels.set(def, labels);
  }
  return labels;
}

/** Weight of "the form's label is in the printed text" against "the printed label is the form's". */
const FORWARD_WEIGHT = 0.75;

/** 0..1: how well a printed row label (with the text just above it) matches a form row. */
export function labelScore(context: string, own: string, def: RowDef): number {
  const { variants, full } = labelsOf(def);
  // the printed label against all the form row's spellings at once: the same for every variant
  const backward = own.length >= 2 ? containment(own, full) : undefined;
  let best = 0;
  for (const v of variants) {
    const forward = containment(v, context);
    best = Math.max(best, FORWARD_WEIGHT * forward + (1 - FORWARD_WEIGHT) * (backward ?? forward));
  }
  return best;
}
