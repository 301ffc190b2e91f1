/*
 * Peer harness: SUNDIALS CVODE (BDF, Newton, dense direct linear solver, analytic Jacobian).
 * Hindmarsh et al., "SUNDIALS: Suite of nonlinear and differential/algebraic equation solvers",
 * ACM TOMS 31 (2005) 363-396. Written against the SUNDIALS 6.x API (SUNContext).
 *
 * Reads one job from stdin (keyed, whitespace separated; see bench/peers/job.ts):
 *   problem NAME  rtol X  atol X  t0 X  tend X  y0 N v..  params K v..  grid M t..
 *   doses K (t amount)..  batchms X  batches B  reference 0|1  clock cpu|wall
 * Doses are boluses added to state 0; the solve is piecewise between dose times (CVodeReInit at each),
 * which is standard practice. One timed "solve" = CVodeCreate .. CVodeFree for the whole horizon,
 * so setup and allocation count as they do on our side; process start and I/O do not. Clock 'cpu'
 * (default) is CLOCK_PROCESS_CPUTIME_ID, robust to time-slicing on a loaded machine; 'wall' is MONOTONIC.
 * Prints one JSON object: ms (min over batches, per solve), msMedian, reps, steps, rhsEvals, jacEvals, y.
 */
#include <cvode/cvode.h>
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <time.h>

#define MAXN 16
#define MAXV 4096

typedef struct {
  char name[64];
  double rtol, atol, t0, tend, batchms;
  int n, np, ng, nd, batches, wall;
  double y0[MAXN], p[MAXN], grid[MAXV], doseT[MAXV], doseA[MAXV];
} Job;

static Job job;

/* ---- right-hand sides and Jacobians (Jacobian column-major through SM_ELEMENT_D(J, i, j)) ---- */

static int rhs(realtype t, N_Vector yv, N_Vector dv, void *ud) {
  (void)t;
  (void)ud;
  const double *y = N_VGetArrayPointer(yv);
  double *d = N_VGetArrayPointer(dv);
  const double *p = job.p;
  if (!strcmp(job.name, "robertson")) {
    d[0] = -p[0] * y[0] + p[2] * y[1] * y[2];
    d[2] = p[1] * y[1] * y[1];
    d[1] = -d[0] - d[2];
  } else if (!strcmp(job.name, "vdp")) {
    d[0] = y[1];
    d[1] = p[0] * (1 - y[0] * y[0]) * y[1] - y[0];
  } else if (!strcmp(job.name, "pk2")) {
    /* p = CL, V1, V2, Q; states are amounts (mg) */
    double c1 = y[0] / p[1], c2 = y[1] / p[2];
    d[0] = -p[0] * c1 - p[3] * (c1 - c2);
    d[1] = p[3] * (c1 - c2);
  } else if (!strcmp(job.name, "hires")) {
    d[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    d[1] = 1.71 * y[0] - 8.75 * y[1];
    d[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    d[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    d[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
    d[5] = -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    d[6] = 280.0 * y[5] * y[7] - 1.81 * y[6];
    d[7] = -d[6];
  } else {
    return -1;
  }
  return 0;
}

static int jac(realtype t, N_Vector yv, N_Vector fy, SUNMatrix J, void *ud, N_Vector t1, N_Vector t2,
               N_Vector t3) {
  (void)t;
  (void)fy;
  (void)ud;
  (void)t1;
  (void)t2;
  (void)t3;
  const double *y = N_VGetArrayPointer(yv);
  const double *p = job.p;
  SUNMatZero(J);
#define E(i, j) SM_ELEMENT_D(J, i, j)
  if (!strcmp(job.name, "robertson")) {
    E(0, 0) = -p[0];
    E(0, 1) = p[2] * y[2];
    E(0, 2) = p[2] * y[1];
    E(2, 1) = 2 * p[1] * y[1];
    E(1, 0) = p[0];
    E(1, 1) = -p[2] * y[2] - 2 * p[1] * y[1];
    E(1, 2) = -p[2] * y[1];
  } else if (!strcmp(job.name, "vdp")) {
    E(0, 1) = 1;
    E(1, 0) = -2 * p[0] * y[0] * y[1] - 1;
    E(1, 1) = p[0] * (1 - y[0] * y[0]);
  } else if (!strcmp(job.name, "pk2")) {
    E(0, 0) = -(p[0] + p[3]) / p[1];
    E(0, 1) = p[3] / p[2];
    E(1, 0) = p[3] / p[1];
    E(1, 1) = -p[3] / p[2];
  } else if (!strcmp(job.name, "hires")) {
    E(0, 0) = -1.71, E(0, 1) = 0.43, E(0, 2) = 8.32;
    E(1, 0) = 1.71, E(1, 1) = -8.75;
    E(2, 2) = -10.03, E(2, 3) = 0.43, E(2, 4) = 0.035;
    E(3, 1) = 8.32, E(3, 2) = 1.71, E(3, 3) = -1.12;
    E(4, 4) = -1.745, E(4, 5) = 0.43, E(4, 6) = 0.43;
    E(5, 3) = 0.69, E(5, 4) = 1.71, E(5, 5) = -0.43 - 280.0 * y[7], E(5, 6) = 0.69, E(5, 7) = -280.0 * y[5];
    E(6, 5) = 280.0 * y[7], E(6, 6) = -1.81, E(6, 7) = 280.0 * y[5];
    E(7, 5) = -280.0 * y[7], E(7, 6) = 1.81, E(7, 7) = -280.0 * y[5];
  } else {
    return -1;
  }
#undef E
  return 0;
}

/* ---- job input ---- */

static void readArray(double *dst, int *count, int stride) {
  if (scanf("%d", count) != 1 || *count * stride > MAXV) {
    fprintf(stderr, "cvode peer: bad array length\n");
    exit(2);
  }
  for (int i = 0; i < *count * stride; i++)
    if (scanf("%lf", &dst[i]) != 1) exit(2);
}

static void readJob(void) {
  char key[64];
  double pairs[2 * MAXV];
  int ref = 0;
  job.batchms = 200;
  job.batches = 5;
  while (scanf("%63s", key) == 1) {
    if (!strcmp(key, "problem")) {
      if (scanf("%63s", job.name) != 1) exit(2);
    } else if (!strcmp(key, "rtol")) {
      if (scanf("%lf", &job.rtol) != 1) exit(2);
    } else if (!strcmp(key, "atol")) {
      if (scanf("%lf", &job.atol) != 1) exit(2);
    } else if (!strcmp(key, "t0")) {
      if (scanf("%lf", &job.t0) != 1) exit(2);
    } else if (!strcmp(key, "tend")) {
      if (scanf("%lf", &job.tend) != 1) exit(2);
    } else if (!strcmp(key, "batchms")) {
      if (scanf("%lf", &job.batchms) != 1) exit(2);
    } else if (!strcmp(key, "batches")) {
      if (scanf("%d", &job.batches) != 1) exit(2);
    } else if (!strcmp(key, "clock")) {
      if (scanf("%63s", key) != 1) exit(2);
      job.wall = !strcmp(key, "wall");
    } else if (!strcmp(key, "reference")) {
      if (scanf("%d", &ref) != 1) exit(2);
    } else if (!strcmp(key, "method")) {
      if (scanf("%63s", key) != 1) exit(2); /* CVODE runs BDF only */
    } else if (!strcmp(key, "y0")) {
      readArray(job.y0, &job.n, 1);
    } else if (!strcmp(key, "params")) {
      readArray(job.p, &job.np, 1);
    } else if (!strcmp(key, "grid")) {
      readArray(job.grid, &job.ng, 1);
    } else if (!strcmp(key, "doses")) {
      readArray(pairs, &job.nd, 2);
      for (int i = 0; i < job.nd; i++) job.doseT[i] = pairs[2 * i], job.doseA[i] = pairs[2 * i + 1];
    } else {
      fprintf(stderr, "cvode peer: unknown key '%s'\n", key);
      exit(2);
    }
  }
  if (job.n <= 0 || job.n > MAXN) {
    fprintf(stderr, "cvode peer: bad y0\n");
    exit(2);
  }
  if (ref) job.batches = 0; /* reference mode: one untimed solve */
}

/* ---- one piecewise solve over [t0, tend]; writes the grid values into out ---- */

typedef struct {
  long steps, rhsEvals, jacEvals;
} Stats;

static int solveOnce(SUNContext ctx, double *out, Stats *st) {
  N_Vector y = N_VNew_Serial(job.n, ctx);
  double *yd = N_VGetArrayPointer(y);
  for (int i = 0; i < job.n; i++) yd[i] = job.y0[i];
  SUNMatrix A = SUNDenseMatrix(job.n, job.n, ctx);
  SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
  void *mem = CVodeCreate(CV_BDF, ctx);
  int flag = 0, gi = 0, di = 0;
  double t = job.t0;
  /* doses at or before t0 enter the initial state */
  while (di < job.nd && job.doseT[di] <= t) yd[0] += job.doseA[di++];
  CVodeInit(mem, rhs, t, y);
  CVodeSStolerances(mem, job.rtol, job.atol);
  CVodeSetLinearSolver(mem, LS, A);
  CVodeSetJacFn(mem, jac);
  CVodeSetMaxNumSteps(mem, 10000000);
  st->steps = st->rhsEvals = st->jacEvals = 0;
  for (;;) {
    double segEnd = di < job.nd && job.doseT[di] < job.tend ? job.doseT[di] : job.tend;
    CVodeSetStopTime(mem, segEnd);
    while (gi < job.ng && job.grid[gi] <= segEnd) {
      double tret;
      /* a grid point exactly at a dose time reports the value before the dose */
      flag = CVode(mem, job.grid[gi], y, &tret, CV_NORMAL);
      if (flag < 0) goto done;
      for (int i = 0; i < job.n; i++) out[gi * job.n + i] = yd[i];
      gi++;
    }
    if (t < segEnd) {
      double tret;
      flag = CVode(mem, segEnd, y, &tret, CV_NORMAL);
      if (flag < 0) goto done;
    }
    t = segEnd;
    long ns, nf, nj;
    CVodeGetNumSteps(mem, &ns);
    CVodeGetNumRhsEvals(mem, &nf);
    CVodeGetNumJacEvals(mem, &nj);
    if (segEnd >= job.tend) {
      st->steps += ns, st->rhsEvals += nf, st->jacEvals += nj;
      break;
    }
    st->steps += ns, st->rhsEvals += nf, st->jacEvals += nj;
    while (di < job.nd && job.doseT[di] <= t) yd[0] += job.doseA[di++];
    CVodeReInit(mem, t, y);
  }
done:
  CVodeFree(&mem);
  SUNLinSolFree(LS);
  SUNMatDestroy(A);
  N_VDestroy(y);
  return flag < 0 ? flag : 0;
}

static double nowMs(void) {
  struct timespec ts;
  clock_gettime(job.wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  readJob();
  SUNContext ctx;
  SUNContext_Create(NULL, &ctx);
  double *out = calloc((size_t)job.ng * job.n + 1, sizeof(double));
  Stats st;
  int flag = solveOnce(ctx, out, &st); /* warm-up, and the values we report */
  if (flag < 0) {
    printf("{\"error\":\"CVODE failed with flag %d\"}\n", flag);
    return 1;
  }
  /* batch size: enough repeats for one batch to last about batchms */
  int reps = 1;
  double per[64];
  if (job.batches > 64) job.batches = 64;
  if (job.batches > 0) {
    double t0 = nowMs();
    solveOnce(ctx, out, &st);
    double one = nowMs() - t0;
    reps = one > 0 ? (int)ceil(job.batchms / one) : 1000;
    if (reps < 1) reps = 1;
    for (int b = 0; b < job.batches; b++) {
      double s = nowMs();
      for (int r = 0; r < reps; r++) solveOnce(ctx, out, &st);
      per[b] = (nowMs() - s) / reps;
    }
    qsort(per, (size_t)job.batches, sizeof(double), cmp);
  } else {
    per[0] = NAN;
  }
  double ms = job.batches > 0 ? per[0] : 0;
  double med = job.batches > 0 ? per[job.batches / 2] : 0;
  printf("{\"solver\":\"cvode-bdf\",\"version\":\"%s\",\"ms\":%.6g,\"msMedian\":%.6g,\"reps\":%d,", SUNDIALS_VERSION,
         ms, med, reps);
  printf("\"batches\":%d,\"steps\":%ld,\"rhsEvals\":%ld,\"jacEvals\":%ld,\"y\":[", job.batches, st.steps,
         st.rhsEvals, st.jacEvals);
  for (int i = 0; i < job.ng * job.n; i++) printf("%s%.17g", i ? "," : "", out[i]);
  printf("]}\n");
  free(out);
  SUNContext_Free(&ctx);
  return 0;
}
