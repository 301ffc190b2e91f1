/**
 * Survival statistics for virtual trials, matching R's survival package: Kaplan-Meier curves with
 * Greenwood errors and R's median, the log-rank test, and Cox regression (Efron or Breslow ties); for two
 * groups the log-rank test and the Cox fit from counts at the event times (two-group.ts).
 */
export { type CoxOptions, type CoxResult, coxPH, coxTwoGroup } from './cox.js';
export {
  type ConfType,
  type KaplanMeier,
  type KaplanMeierOptions,
  kaplanMeier,
  kaplanMeierByGroup,
  kaplanMeierOfCounts,
} from './kaplan-meier.js';
export { type LogRank, logRank } from './log-rank.js';
export { kaplanMeierQuantile, kaplanMeierQuantileOfCounts, survivalQuantile } from './quantile.js';
export { coxOfTable, type EventTable, eventTable, eventTableOfCounts, logRankOfTable } from './two-group.js';
