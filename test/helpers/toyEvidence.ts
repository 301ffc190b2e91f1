/** One observation of a toy evidence file (parseEvidence input) for the confrontation tests. */
export const toyObservation = (id: string, step: string, value: number, sd: number) => ({
  id,
  step,
  target: id,
  experiment: 'toy',
  statistic: 'toy statistic',
  scale: 'linear',
  observed: { value },
  sd,
  uncertainty: 'assumed for the test',
  quality: 'derived',
  source: 'this test file',
});
