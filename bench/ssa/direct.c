/*
 * Reference peer for the SSA benchmark: a tight C implementation of Gillespie's direct method with
 * dependency-graph propensity updates, the same Philox4x32-10 streams (key = seed, counter = block, run)
 * and the same output grid as cscsim's direct method, on two mass-action networks:
 *   bd        : X -> 2X (b X), X -> 0 (d X)
 *   bd-large:N: the same with DSMTS 00001's rates (0.1, 0.11) from X0 = N (bench/ssa/large.ts)
 *   drug      : S -> 2S (1 S), S -> 0 (0.9 S), S + D -> D (2e-8 S D), D -> 0 (0.05 D); S0 = 100, D0 = 1e7
 *   hierarchy : CSC S -> 2S, S -> 2P1, S -> S + P1, S -> 0; Pi -> 2P(i+1) (Pk -> 2D), Pi -> 0; D -> 0
 * Usage: direct bd|hierarchy RUNS SEED TEND NOUT [plain|matched]. Prints JSON {ms, firings, checksum}.
 * Reactions are first order, propensity = k[j] * x[reactant[j]], or second order in two distinct species,
 * k[j] * x[reactant[j]] * x[reactant2[j]].
 * Variants:
 *   plain   (default) the textbook method: waiting time -log(U) / a0 with libm's log, linear search in
 *           model order. This is the peer the benchmark's ratio is taken against.
 *   matched the same algorithms as cscsim: the ziggurat exponential from the same uniforms (as in
 *           src/random/ziggurat.ts) and the sorting direct method's search order (McCollum et al. 2006),
 *           so the two sides differ only in the language: a like-for-like check of the generated code.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXR 64
#define MAXS 32

/* cscsim's streams: Philox4x32-10 (counter = run, key = seed) seeds xoshiro128** (Blackman & Vigna). */
typedef struct {
  uint32_t s[4];
} rng_t;

static void philox(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1, uint32_t out[4]) {
  for (int i = 0; i < 10; i++) {
    uint64_t p0 = (uint64_t)0xD2511F53u * c0, p1 = (uint64_t)0xCD9E8D57u * c2;
    uint32_t h0 = (uint32_t)(p0 >> 32), l0 = (uint32_t)p0, h1 = (uint32_t)(p1 >> 32), l1 = (uint32_t)p1;
    c0 = h1 ^ c1 ^ k0;
    c1 = l1;
    c2 = h0 ^ c3 ^ k1;
    c3 = l0;
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

static void rng_init(rng_t *r, uint64_t seed, uint64_t index) {
  philox((uint32_t)index, (uint32_t)(index >> 32), 0, 0, (uint32_t)seed, (uint32_t)(seed >> 32), r->s);
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0) r->s[0] = 1;
}

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t next(rng_t *r) {
  uint32_t *s = r->s;
  uint32_t res = rotl(s[1] * 5, 7) * 9, t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return res;
}

static inline double uniform(rng_t *r) {
  uint32_t a = next(r) >> 5, b = next(r) >> 6;
  return ((double)a * 67108864.0 + (double)b + 0.5) * (1.0 / 9007199254740992.0);
}

/* Ziggurat for Exp(1), 256 regions (Marsaglia & Tsang 2000), laid out as in src/random/ziggurat.ts. */
#define ZL 256
static double zW[ZL], zA[ZL], zF[ZL + 1], zR;

static double zlayout(double r) {
  double fr = exp(-r), v = fr * (r + 1);
  zW[0] = v / fr; zW[1] = r; zF[0] = fr; zF[1] = fr;
  for (int i = 1; i < ZL - 1; i++) {
    double x = -log(v / zW[i] + zF[i]);
    if (!(x > 0)) return -INFINITY;
    zW[i + 1] = x; zF[i + 1] = exp(-x);
  }
  zF[ZL] = 1;
  return zW[ZL - 1] * (1 - zF[ZL - 1]) - v;
}

static void zinit(void) {
  double lo = 7.6, hi = 7.8;
  for (int it = 0; it < 200; it++) {
    double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi) break;
    if (zlayout(mid) > 0) hi = mid; else lo = mid;
  }
  zR = fabs(zlayout(lo)) <= fabs(zlayout(hi)) ? lo : hi;
  zlayout(zR);
  for (int i = 0; i < ZL - 1; i++) zA[i] = zW[i + 1] / zW[i];
  zA[ZL - 1] = 0;
}

static double zslow(rng_t *r, int i, double g) {
  for (;;) {
    if (i == 0) return zR - log(uniform(r));
    double x = g * zW[i], lo = zF[i];
    if (lo + uniform(r) * (zF[i + 1] - lo) < exp(-x)) return x;
    double w = uniform(r) * ZL;
    i = (int)w; g = w - i;
    if (g < zA[i]) return g * zW[i];
  }
}

static inline double zexp(rng_t *r) {
  double w = uniform(r) * ZL;
  int i = (int)w;
  double g = w - i;
  return g < zA[i] ? g * zW[i] : zslow(r, i, g);
}

static int nS, nR;
static int reactant[MAXR], reactant2[MAXR];
static double kr[MAXR];
static int nchg[MAXR], chgS[MAXR][4], chgV[MAXR][4];
static int ndep[MAXR], dep[MAXR][MAXR];
static double x0[MAXS];

static void add(int j, int s, double k) { reactant[j] = s; reactant2[j] = -1; kr[j] = k; nchg[j] = 0; }
static inline double prop(int j, const double *x) {
  double v = kr[j] * x[reactant[j]];
  return reactant2[j] < 0 ? v : v * x[reactant2[j]];
}
static void chg(int j, int s, int v) { chgS[j][nchg[j]] = s; chgV[j][nchg[j]] = v; nchg[j]++; }

static void build(const char *name) {
  if (strcmp(name, "bd") == 0) {
    nS = 1; nR = 2; x0[0] = 1000;
    add(0, 0, 1.0); chg(0, 0, 1);
    add(1, 0, 1.05); chg(1, 0, -1);
  } else if (strcmp(name, "drug") == 0) {
    /* bench/ssa/large.ts multiscale case: CSC S (small) killed by a drug D (large) that is eliminated. */
    nS = 2; nR = 4; x0[0] = 100; x0[1] = 1e7;
    add(0, 0, 1.0); chg(0, 0, 1);
    add(1, 0, 0.9); chg(1, 0, -1);
    add(2, 0, 2e-8); reactant2[2] = 1; chg(2, 0, -1);
    add(3, 1, 0.05); chg(3, 1, -1);
  } else if (strncmp(name, "bd-large:", 9) == 0) {
    /* DSMTS 00001's rates (lambda 0.1, mu 0.11) from a large initial population: bd-large:X0 */
    nS = 1; nR = 2; x0[0] = atof(name + 9);
    add(0, 0, 0.1); chg(0, 0, 1);
    add(1, 0, 0.11); chg(1, 0, -1);
  } else {
    /* S=0, P1..P4 = 1..4, D = 5 */
    const int K = 4;
    const double ls = 1, ps = 0.35, pd = 0.3, pa = 0.35, ds = 0.05, lp = 2, dp = 0.1, dd = 0.3;
    nS = K + 2; nR = 0;
    for (int i = 0; i < nS; i++) x0[i] = 0;
    x0[0] = 100;
    add(nR, 0, ls * ps); chg(nR, 0, 1); nR++;
    add(nR, 0, ls * pd); chg(nR, 0, -1); chg(nR, 1, 2); nR++;
    add(nR, 0, ls * pa); chg(nR, 1, 1); nR++;
    add(nR, 0, ds); chg(nR, 0, -1); nR++;
    for (int i = 1; i <= K; i++) {
      add(nR, i, lp); chg(nR, i, -1); chg(nR, i < K ? i + 1 : K + 1, 2); nR++;
      add(nR, i, dp); chg(nR, i, -1); nR++;
    }
    add(nR, K + 1, dd); chg(nR, K + 1, -1); nR++;
  }
  for (int j = 0; j < nR; j++) {
    ndep[j] = 0;
    for (int k = 0; k < nR; k++) {
      int d = (k == j);
      for (int q = 0; q < nchg[j]; q++) if (chgS[j][q] == reactant[k] || chgS[j][q] == reactant2[k]) d = 1;
      if (d) dep[j][ndep[j]++] = k;
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: direct bd|hierarchy RUNS SEED TEND NOUT [plain|matched]\n"); return 2; }
  build(argv[1]);
  int matched = argc > 6 && strcmp(argv[6], "matched") == 0;
  if (matched) zinit();
  int ord[MAXR];
  long runs = atol(argv[2]);
  uint64_t seed = strtoull(argv[3], 0, 10);
  double tEnd = atof(argv[4]);
  int nOut = atoi(argv[5]);
  double x[MAXS], a[MAXR];
  double *out = malloc(sizeof(double) * (size_t)nOut * nS);
  double checksum = 0;
  long firings = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long run = 0; run < runs; run++) {
    rng_t r;
    rng_init(&r, seed, (uint64_t)run);
    memcpy(x, x0, sizeof(double) * nS);
    for (int j = 0; j < nR; j++) ord[j] = j;
    double a0 = 0;
    for (int j = 0; j < nR; j++) { a[j] = prop(j, x); a0 += a[j]; }
    double t = 0;
    int oi = 0;
    long since = 0;
    for (;;) {
      double tOut = tEnd * oi / (nOut - 1);
      while (oi < nOut && tOut <= t) {
        memcpy(out + (size_t)oi * nS, x, sizeof(double) * nS);
        oi++;
        tOut = tEnd * oi / (nOut - 1);
      }
      if (oi >= nOut) break;
      if (a0 <= 0) { t = tOut; continue; }
      int j = 0;
      if (!matched) {
        double tau = t - log(uniform(&r)) / a0;
        if (tau >= tOut) { t = tOut; continue; }
        double rr = uniform(&r) * a0;
        for (; j < nR - 1; j++) { rr -= a[j]; if (rr < 0) break; }
        while (j > 0 && a[j] == 0) j--;
        t = tau;
      } else {
        double tau = t + zexp(&r) / a0;
        if (tau >= tOut) { t = tOut; continue; }
        double rr = uniform(&r) * a0;
        int q = 0;
        for (; q < nR - 1; q++) { j = ord[q]; rr -= a[j]; if (rr < 0) break; }
        if (q == nR - 1) { while (q > 0 && a[ord[q]] == 0) q--; }
        j = ord[q];
        if (q > 0) { ord[q] = ord[q - 1]; ord[q - 1] = j; }
        t = tau;
      }
      for (int q = 0; q < nchg[j]; q++) x[chgS[j][q]] += chgV[j][q];
      for (int q = 0; q < ndep[j]; q++) {
        int k = dep[j][q];
        double v = prop(k, x);
        a0 += v - a[k];
        a[k] = v;
      }
      if (++since >= 4096) { a0 = 0; for (int k = 0; k < nR; k++) a0 += a[k]; since = 0; }
      firings++;
    }
    checksum += out[(size_t)(nOut - 1) * nS];
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  printf("{\"ms\": %.3f, \"firings\": %ld, \"checksum\": %.17g}\n", ms, firings, checksum);
  free(out);
  return 0;
}
