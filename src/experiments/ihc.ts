/**
 * IHC score (0, 1+, 2+, 3+) from HER2 receptors per cell. Thresholds (assumed, chosen to be consistent with
 * domain.md: MCF7 ~1-3e4 scores 0-1+, ZR-75-1 ~6.4e4 is 1+, amplified lines ~1e6 are 3+; HercepTest
 * calibration lines span roughly 2e4 (0/1+) to >1e6 (3+)):
 *   0 below 3e4, 1+ from 3e4, 2+ from 2e5, 3+ from 7e5 receptors/cell.
 */
export type IhcScore = 0 | 1 | 2 | 3;

export const IHC_THRESHOLDS: readonly [number, number, number] = [3e4, 2e5, 7e5];

export function ihcScore(receptorsPerCell: number): IhcScore {
  const [t1, t2, t3] = IHC_THRESHOLDS;
  if (receptorsPerCell >= t3) return 3;
  if (receptorsPerCell >= t2) return 2;
  if (receptorsPerCell >= t1) return 1;
  return 0;
}

export function ihcLabel(s: IhcScore): string {
  return s === 0 ? '0' : `${s}+`;
}
