"""Peer harness: SciPy solve_ivp (LSODA, BDF, Radau) with analytic Jacobians.

Virtanen et al., "SciPy 1.0: fundamental algorithms for scientific computing in Python", Nat Methods 17
(2020) 261-272. LSODA: Petzold 1983 (ODEPACK); BDF: Shampine & Reichelt 1997 (NDF variant); Radau IIA
order 5: Hairer & Wanner 1996.

Reads one job from stdin (keyed, whitespace separated; see bench/peers/job.ts), including `method`.
Doses are boluses added to state 0; the solve is piecewise between dose times (standard practice).
One timed solve = every solve_ivp call over the horizon (numpy set-up inside solve_ivp included);
interpreter start, imports and I/O are not timed. Clock 'cpu' (default): time.process_time, robust to
time-slicing on a loaded machine; 'wall': perf_counter. Run with Debian's /usr/bin/python3 (python3-scipy).
Prints one JSON object: ms (min over batches, per solve), msMedian, reps, steps, rhsEvals, jacEvals, y.
"""

import json
import math
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp


def read_job(text):
    tok = text.split()
    job = {
        "batchms": 200.0, "batches": 5, "doses": [], "params": [], "reference": 0, "method": "BDF", "clock": "cpu",
    }
    i = 0
    while i < len(tok):
        key = tok[i]
        i += 1
        if key in ("problem", "method", "clock"):
            job[key] = tok[i]
            i += 1
        elif key in ("rtol", "atol", "t0", "tend", "batchms"):
            job[key] = float(tok[i])
            i += 1
        elif key in ("batches", "reference"):
            job[key] = int(tok[i])
            i += 1
        elif key in ("y0", "params", "grid", "doses"):
            n = int(tok[i])
            width = 2 if key == "doses" else 1
            vals = [float(v) for v in tok[i + 1 : i + 1 + n * width]]
            i += 1 + n * width
            job[key] = [vals[k : k + 2] for k in range(0, len(vals), 2)] if key == "doses" else vals
        else:
            raise SystemExit(f"scipy peer: unknown key '{key}'")
    return job


def system(name, p):
    """Right-hand side and Jacobian of the named benchmark problem, the same equations as bench/problems."""
    if name == "robertson":
        k1, k2, k3 = p

        def f(t, y):
            a = -k1 * y[0] + k3 * y[1] * y[2]
            c = k2 * y[1] * y[1]
            return np.array([a, -a - c, c])

        def jac(t, y):
            return np.array(
                [
                    [-k1, k3 * y[2], k3 * y[1]],
                    [k1, -k3 * y[2] - 2 * k2 * y[1], -k3 * y[1]],
                    [0.0, 2 * k2 * y[1], 0.0],
                ]
            )

    elif name == "vdp":
        (mu,) = p

        def f(t, y):
            return np.array([y[1], mu * (1 - y[0] * y[0]) * y[1] - y[0]])

        def jac(t, y):
            return np.array([[0.0, 1.0], [-2 * mu * y[0] * y[1] - 1, mu * (1 - y[0] * y[0])]])

    elif name == "pk2":
        cl, v1, v2, q = p
        J = np.array([[-(cl + q) / v1, q / v2], [q / v1, -q / v2]])

        def f(t, y):
            return J @ y

        def jac(t, y):
            return J

    elif name == "hires":

        def f(t, y):
            r = 280.0 * y[5] * y[7]
            return np.array(
                [
                    -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007,
                    1.71 * y[0] - 8.75 * y[1],
                    -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4],
                    8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3],
                    -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6],
                    -r + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6],
                    r - 1.81 * y[6],
                    -r + 1.81 * y[6],
                ]
            )

        def jac(t, y):
            J = np.zeros((8, 8))
            J[0, 0:3] = [-1.71, 0.43, 8.32]
            J[1, 0:2] = [1.71, -8.75]
            J[2, 2:5] = [-10.03, 0.43, 0.035]
            J[3, 1:4] = [8.32, 1.71, -1.12]
            J[4, 4:7] = [-1.745, 0.43, 0.43]
            J[5, 3:8] = [0.69, 1.71, -0.43 - 280.0 * y[7], 0.69, -280.0 * y[5]]
            J[6, 5:8] = [280.0 * y[7], -1.81, 280.0 * y[5]]
            J[7, 5:8] = [-280.0 * y[7], 1.81, -280.0 * y[5]]
            return J

    else:
        raise SystemExit(f"scipy peer: unknown problem '{name}'")
    return f, jac


def solve(job, f, jac, grid, with_grid=True):
    """Piecewise solve between dose times; returns (values on the grid, steps, rhs evals, jac evals)."""
    y = np.array(job["y0"], dtype=float)
    t, tend = job["t0"], job["tend"]
    doses = [d for d in job["doses"]]
    while doses and doses[0][0] <= t:
        y[0] += doses.pop(0)[1]
    out = np.empty((len(grid), len(y)))
    gi, steps, nfev, njev = 0, 0, 0, 0
    while True:
        seg_end = doses[0][0] if doses and doses[0][0] < tend else tend
        gj = gi
        while gj < len(grid) and grid[gj] <= seg_end:
            gj += 1
        # seg_end is appended so the last column is always the state to carry over the dose
        t_eval = grid[gi:gj]
        if gj == gi or t_eval[-1] < seg_end:
            t_eval = np.append(t_eval, seg_end)
        sol = solve_ivp(
            f, (t, seg_end), y, method=job["method"], t_eval=t_eval if with_grid else None,
            rtol=job["rtol"], atol=job["atol"], jac=jac,
        )
        if sol.status != 0:
            raise SystemExit(json.dumps({"error": sol.message}))
        if with_grid:
            out[gi:gj] = sol.y[:, : gj - gi].T
        else:
            steps += len(sol.t) - 1
        nfev += int(sol.nfev)
        njev += int(sol.njev)
        gi, t, y = gj, seg_end, sol.y[:, -1].copy()
        if seg_end >= tend:
            break
        while doses and doses[0][0] <= t:
            y[0] += doses.pop(0)[1]
    return out, steps, nfev, njev


def main():
    job = read_job(sys.stdin.read())
    f, jac = system(job["problem"], job["params"])
    grid = np.array(job["grid"])
    # Untimed run without t_eval: solve_ivp then returns every accepted step, which gives the step count
    # (not in reference mode, where one tight solve is all that is wanted: steps is reported as 0).
    steps = 0 if job["reference"] else solve(job, f, jac, grid, with_grid=False)[1]
    out, _, nfev, njev = solve(job, f, jac, grid)
    clock = time.perf_counter if job["clock"] == "wall" else time.process_time
    per = []
    reps = 1
    if job["batches"] > 0 and not job["reference"]:
        s = time.perf_counter()
        solve(job, f, jac, grid)
        one = (time.perf_counter() - s) * 1e3
        reps = max(1, math.ceil(job["batchms"] / one)) if one > 0 else 1000
        for _ in range(job["batches"]):
            s = clock()
            for _ in range(reps):
                solve(job, f, jac, grid)
            per.append((clock() - s) * 1e3 / reps)
    per.sort()
    res = {
        "solver": "scipy-" + job["method"].lower(),
        "version": scipy.__version__,
        "ms": per[0] if per else 0,
        "msMedian": per[len(per) // 2] if per else 0,
        "reps": reps,
        "batches": len(per),
        "steps": steps,
        "rhsEvals": nfev,
        "jacEvals": njev,
        "y": [float(v) for v in out.ravel()],
    }
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
