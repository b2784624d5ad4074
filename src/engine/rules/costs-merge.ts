/** Merging a rules pack's `costs` into the cost tables: dated rows added, or replacing the row of the same date. */
import type { CostsTable } from './schema.js';

type Patch = Partial<Pick<CostsTable, 'salaryGrid' | 'smic' | 'employerCost' | 'consultationPrice' | 'consultationsPerPatient'>>;

const byDate = <T extends { from: string }>(base: readonly T[], extra: readonly T[] | undefined): T[] => {
  if (!extra?.length) return [...base];
  const rows = new Map(base.map((r) => [r.from, r]));
  for (const r of extra) rows.set(r.from, r);
  return [...rows.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
};

export function mergeCosts(base: CostsTable | undefined, patch: Patch | undefined): CostsTable | undefined {
  if (!base || !patch) return base;
  return {
    ...base,
    salaryGrid: byDate(base.salaryGrid, patch.salaryGrid),
    smic: byDate(base.smic, patch.smic),
    employerCost: byDate(base.employerCost, patch.employerCost),
    consultationPrice: byDate(base.consultationPrice, patch.consultationPrice),
    consultationsPerPatient: patch.consultationsPerPatient ?? base.consultationsPerPatient,
  };
}
