import type { DocumentRule } from '../rule.js';

/** `给予一次性1000的奖励补贴`: a money amount printed without 元. */
export const amountMissingUnit: DocumentRule = {
  id: 'amount-missing-unit',
  severity: 'warning',
  summary: 'A money amount is printed without its unit.',
  check(record) {
    return record.subsidies
      .filter((s) => !s.unitPrinted)
      .map((s) => ({
        rule: 'amount-missing-unit',
        severity: 'warning' as const,
        message: `amount ${s.amount} is printed without a unit (assumed 元): “${s.text}”`,
        span: s.span,
        data: { amount: s.amount, assumedUnit: s.unit, clause: s.clause },
      }));
  },
};
