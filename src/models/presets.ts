/**
 * Cell-line and site presets: the few parameters that differ between the lines of Ithimakin et al. 2013
 * and between the mammary fat pad and bone. Everything else is shared (parameters.ts), so that a
 * difference in outcome between lines comes from these values through the same mechanism.
 */

export type CellLine = 'MCF7' | 'ZR75-1' | 'BT474' | 'SUM159';
export type Site = 'fatpad' | 'bone';

export const cellLines: readonly CellLine[] = ['MCF7', 'ZR75-1', 'BT474', 'SUM159'];
export const sites: readonly Site[] = ['fatpad', 'bone'];

/** A parameter value (and optionally its range and source) that replaces the shared default. */
export interface Override {
  readonly value: number;
  readonly range?: readonly [number, number];
  readonly source: string;
}

export interface LinePreset {
  readonly line: CellLine;
  readonly description: string;
  readonly amplified: boolean;
  readonly overrides: Readonly<Record<string, Override>>;
}

export const linePresets: Readonly<Record<CellLine, LinePreset>> = {
  MCF7: {
    line: 'MCF7',
    description: 'luminal ER+, HER2 not amplified (IHC 0-1+)',
    amplified: false,
    overrides: {},
  },
  'ZR75-1': {
    line: 'ZR75-1',
    description: 'luminal ER+, HER2 not amplified (IHC 1+)',
    amplified: false,
    overrides: {
      her2Base: { value: 6.4e4, range: [4e4, 9e4], source: 'domain.md: ZR-75-1 ~6.4e4 receptors (HERmark)' },
    },
  },
  BT474: {
    line: 'BT474',
    description: 'luminal ER+, HER2 amplified (IHC 3+)',
    amplified: true,
    overrides: {
      her2Base: {
        value: 1.25e5,
        range: [1e5, 1.5e5],
        source: 'assumed: with copy ratio 8 gives ~1e6 receptors (domain.md: amplified ~1e6)',
      },
      copyRatio: { value: 8, range: [6, 10], source: 'assumed: amplified, HER2/CEP17 >> 2 [recall]' },
      lambdaP: {
        value: 0.35,
        range: [0.25, 0.45],
        source: 'assumed: without HER2 drive the amplified bulk divides slowly (oncogene addiction)',
      },
    },
  },
  SUM159: {
    line: 'SUM159',
    description: 'basal/claudin-low, HER2 low; self-renewal independent of HER2 [recall]',
    amplified: false,
    overrides: {
      her2Base: { value: 1e4, range: [5e3, 2e4], source: 'assumed: HER2-low basal line' },
      cscEnrich: { value: 1, range: [1, 1.5], source: 'assumed: no selective HER2 in SUM159 CSCs [recall]' },
      psHER2: { value: 0, range: [0, 0], source: 'domain.md C2: SUM159 CSCs HER2-independent [recall]' },
      aldhHER2: {
        value: 0,
        range: [0, 0],
        source:
          'assumed: like its self-renewal, the ALDH+ state of SUM159 does not depend on HER2 (domain.md C2) [recall]',
      },
      ps0: {
        value: 0.52,
        range: [0.45, 0.6],
        source: 'assumed: HER2-independent self-renewal giving the same CSC growth as luminal lines',
      },
    },
  },
};

export const sitePresets: Readonly<Record<Site, Readonly<Record<string, Override>>>> = {
  fatpad: {},
  bone: {
    rankl: {
      value: 1,
      range: [0.5, 2],
      source: 'assumed: RANKL from osteoblasts/stromal cells in bone (Lemaire 2004; Ithimakin 2013 C7)',
    },
  },
};

export function isCellLine(s: string): s is CellLine {
  return (cellLines as readonly string[]).includes(s);
}
