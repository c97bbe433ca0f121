// Errors that need the whole KR: units that do not match, check-ins out of date order,
// and a KR sentence that says something else than its baseline or target lines.
import type { Diagnostic, KeyResult, OkrDocument, Quantity } from '../model/types';
import { describeUnit, sameUnit } from '../values';

type Report = (diagnostic: Diagnostic) => void;

export function checkConsistency(doc: OkrDocument): void {
  const report: Report = (d) => doc.errors.push(d);
  for (const objective of doc.objectives) {
    for (const kr of objective.keyResults) {
      checkUnits(kr, report);
      checkCheckinOrder(kr, report);
      checkSentenceAgreement(kr, report);
      checkMilestone(kr, report);
    }
  }
}

function error(message: string, at: Quantity | { range: Diagnostic['range'] }, related?: Diagnostic['related']): Diagnostic {
  return { rule: 'syntax', severity: 'error', message, range: at.range, ...(related ? { related } : {}) };
}

/** The unit the KR is measured in: the baseline's, else the target's, else the sentence's. */
function referenceUnit(kr: KeyResult): { quantity: Quantity; what: string } | undefined {
  if (kr.baseline) return { quantity: kr.baseline.value, what: 'the baseline' };
  if (kr.target?.value) return { quantity: kr.target.value, what: 'the target' };
  // Without those lines, progress is read from the sentence's 'from X to Y': check-ins must match it too.
  const { from, to } = kr.sentence;
  const sentence = from && from.unit ? from : to && to.unit ? to : from ?? to;
  if (sentence) return { quantity: sentence, what: 'the KR sentence' };
  return undefined;
}

function checkUnits(kr: KeyResult, report: Report): void {
  const reference = referenceUnit(kr);
  if (!reference) return;
  const check = (quantity: Quantity, what: () => string) => {
    if (sameUnit(quantity.unit, reference.quantity.unit)) return;
    report(error(
      `mixed units: ${what()} is in ${describeUnit(quantity.unit)} but ${reference.what} is in ${describeUnit(reference.quantity.unit)}`,
      quantity,
      [{ range: reference.quantity.range, message: `${reference.what} (${reference.quantity.raw})` }],
    ));
  };
  if (kr.target?.value && reference.what === 'the baseline') check(kr.target.value, () => 'the target');
  for (const checkin of kr.checkins) if (checkin.value) check(checkin.value, () => `the check-in of ${checkin.date.iso}`);
}

function checkCheckinOrder(kr: KeyResult, report: Report): void {
  for (let i = 1; i < kr.checkins.length; i++) {
    const previous = kr.checkins[i - 1];
    const current = kr.checkins[i];
    if (current.date.iso < previous.date.iso) {
      report(error(
        `check-in out of date order: ${current.date.iso} comes after ${previous.date.iso}; keep check-ins oldest first`,
        current.date,
        [{ range: previous.date.range, message: 'the check-in before it' }],
      ));
    }
  }
}

function checkSentenceAgreement(kr: KeyResult, report: Report): void {
  const { from, to } = kr.sentence;
  if (from && kr.baseline && !sameAmount(from, kr.baseline.value)) {
    report(error(
      `the KR says 'from ${from.raw}' but its baseline is ${kr.baseline.value.raw}: make them agree`,
      kr.baseline.value,
      [{ range: from.range, message: 'what the KR sentence says' }],
    ));
  }
  if (to && kr.target?.value && !sameAmount(to, kr.target.value)) {
    report(error(
      `the KR says 'to ${to.raw}' but its target is ${kr.target.value.raw}: make them agree`,
      kr.target.value,
      [{ range: to.range, message: 'what the KR sentence says' }],
    ));
  }
  const date = kr.sentence.date;
  if (date && kr.target?.date && date.iso !== kr.target.date.iso) {
    report(error(
      `the KR says 'by ${date.iso}' but its target is due ${kr.target.date.iso}: make them agree`,
      kr.target.date,
      [{ range: date.range, message: 'what the KR sentence says' }],
    ));
  }
}

function sameAmount(a: Quantity, b: Quantity): boolean {
  return Math.abs(a.amount - b.amount) < 1e-9 && (a.unit === '' || b.unit === '' || sameUnit(a.unit, b.unit));
}

function checkMilestone(kr: KeyResult, report: Report): void {
  const milestone = kr.target?.done === true;
  for (const checkin of kr.checkins) {
    if (checkin.done && !milestone) {
      report(error("a 'done' check-in is for a milestone kr: add 'target done', or check in a value", checkin));
    } else if (milestone && checkin.value) {
      report(error("this kr is a milestone ('target done'): check it in with 'done', not a value", checkin.value as Quantity));
    }
  }
}
