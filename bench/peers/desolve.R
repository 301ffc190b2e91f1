# Peer harness: R deSolve (lsoda, radau) with analytic Jacobians.
# Soetaert, Petzoldt & Setzer, "Solving differential equations in R: package deSolve", J Stat Softw 33(9)
# (2010). lsoda: Petzold 1983 (ODEPACK); radau: Hairer & Wanner 1996 (RADAU5).
#
# Reads one job from stdin (keyed, whitespace separated; see bench/peers/job.ts), including `method`.
# Doses are boluses added to state 0; the solve is piecewise between dose times (standard practice).
# One timed solve = every deSolve call over the horizon; R start, package load and I/O are not timed.
# Clock 'cpu' (default): user + system time from proc.time(), robust to time-slicing on a loaded machine;
# 'wall': Sys.time().
# Prints one JSON object: ms (min over batches, per solve), msMedian, reps, steps, rhsEvals, jacEvals, y.

suppressPackageStartupMessages(library(deSolve))

readJob <- function(tok) {
  job <- list(batchms = 200, batches = 5, doses = matrix(numeric(0), ncol = 2), params = numeric(0),
              reference = 0, method = "lsoda", clock = "cpu")
  i <- 1
  while (i <= length(tok)) {
    key <- tok[i]
    i <- i + 1
    if (key %in% c("problem", "method", "clock")) {
      job[[key]] <- tok[i]
      i <- i + 1
    } else if (key %in% c("rtol", "atol", "t0", "tend", "batchms", "batches", "reference")) {
      job[[key]] <- as.numeric(tok[i])
      i <- i + 1
    } else if (key %in% c("y0", "params", "grid", "doses")) {
      n <- as.integer(tok[i])
      w <- if (key == "doses") 2 else 1
      vals <- if (n > 0) as.numeric(tok[(i + 1):(i + n * w)]) else numeric(0)
      i <- i + 1 + n * w
      job[[key]] <- if (key == "doses") matrix(vals, ncol = 2, byrow = TRUE) else vals
    } else {
      stop(paste0("deSolve peer: unknown key '", key, "'"))
    }
  }
  job
}

# Right-hand sides and Jacobians: the same equations as bench/problems.
system <- function(name, p) {
  if (name == "robertson") {
    f <- function(t, y, parms) {
      a <- -p[1] * y[1] + p[3] * y[2] * y[3]
      c <- p[2] * y[2] * y[2]
      list(c(a, -a - c, c))
    }
    jac <- function(t, y, parms) {
      matrix(c(-p[1], p[3] * y[3], p[3] * y[2],
               p[1], -p[3] * y[3] - 2 * p[2] * y[2], -p[3] * y[2],
               0, 2 * p[2] * y[2], 0), 3, 3, byrow = TRUE)
    }
  } else if (name == "vdp") {
    mu <- p[1]
    f <- function(t, y, parms) list(c(y[2], mu * (1 - y[1] * y[1]) * y[2] - y[1]))
    jac <- function(t, y, parms) {
      matrix(c(0, 1, -2 * mu * y[1] * y[2] - 1, mu * (1 - y[1] * y[1])), 2, 2, byrow = TRUE)
    }
  } else if (name == "pk2") {
    J <- matrix(c(-(p[1] + p[4]) / p[2], p[4] / p[3], p[4] / p[2], -p[4] / p[3]), 2, 2, byrow = TRUE)
    f <- function(t, y, parms) list(as.vector(J %*% y))
    jac <- function(t, y, parms) J
  } else if (name == "hires") {
    f <- function(t, y, parms) {
      r <- 280 * y[6] * y[8]
      list(c(-1.71 * y[1] + 0.43 * y[2] + 8.32 * y[3] + 0.0007,
             1.71 * y[1] - 8.75 * y[2],
             -10.03 * y[3] + 0.43 * y[4] + 0.035 * y[5],
             8.32 * y[2] + 1.71 * y[3] - 1.12 * y[4],
             -1.745 * y[5] + 0.43 * y[6] + 0.43 * y[7],
             -r + 0.69 * y[4] + 1.71 * y[5] - 0.43 * y[6] + 0.69 * y[7],
             r - 1.81 * y[7],
             -r + 1.81 * y[7]))
    }
    jac <- function(t, y, parms) {
      J <- matrix(0, 8, 8)
      J[1, 1:3] <- c(-1.71, 0.43, 8.32)
      J[2, 1:2] <- c(1.71, -8.75)
      J[3, 3:5] <- c(-10.03, 0.43, 0.035)
      J[4, 2:4] <- c(8.32, 1.71, -1.12)
      J[5, 5:7] <- c(-1.745, 0.43, 0.43)
      J[6, 4:8] <- c(0.69, 1.71, -0.43 - 280 * y[8], 0.69, -280 * y[6])
      J[7, 6:8] <- c(280 * y[8], -1.81, 280 * y[6])
      J[8, 6:8] <- c(-280 * y[8], 1.81, -280 * y[6])
      J
    }
  } else {
    stop(paste0("deSolve peer: unknown problem '", name, "'"))
  }
  list(f = f, jac = jac)
}

# Piecewise solve between dose times; returns the grid values and summed counters.
solveJob <- function(job, sys) {
  y <- job$y0
  t <- job$t0
  doses <- job$doses
  di <- 1
  nd <- nrow(doses)
  while (di <= nd && doses[di, 1] <= t) {
    y[1] <- y[1] + doses[di, 2]
    di <- di + 1
  }
  grid <- job$grid
  out <- matrix(NA_real_, length(grid), length(y))
  gi <- 1
  steps <- 0
  nfev <- 0
  njev <- 0
  repeat {
    segEnd <- if (di <= nd && doses[di, 1] < job$tend) doses[di, 1] else job$tend
    inSeg <- which(grid >= t & grid <= segEnd & seq_along(grid) >= gi)
    times <- unique(c(t, grid[inSeg], segEnd))
    sol <- if (job$method == "radau") {
      radau(y, times, sys$f, NULL, rtol = job$rtol, atol = job$atol, jacfunc = sys$jac,
            jactype = "fullusr", maxsteps = 1e7)
    } else {
      lsoda(y, times, sys$f, NULL, rtol = job$rtol, atol = job$atol, jacfunc = sys$jac,
            jactype = "fullusr", maxsteps = 1e7, tcrit = segEnd)
    }
    st <- attr(sol, "istate")
    if (st[1] < 0) stop(paste("deSolve failed with istate", st[1]))
    vals <- sol[, -1, drop = FALSE]
    if (length(inSeg) > 0) {
      out[inSeg, ] <- vals[match(grid[inSeg], sol[, 1]), ]
      gi <- max(inSeg) + 1
    }
    steps <- steps + st[2]
    nfev <- nfev + st[3]
    njev <- njev + (if (job$method == "radau") st[4] else st[14])
    y <- as.vector(vals[nrow(vals), ])
    t <- segEnd
    if (segEnd >= job$tend) break
    while (di <= nd && doses[di, 1] <= t) {
      y[1] <- y[1] + doses[di, 2]
      di <- di + 1
    }
  }
  list(out = out, steps = steps, nfev = nfev, njev = njev)
}

main <- function() {
  con <- file("stdin")
  tok <- scan(con, what = "", quiet = TRUE)
  close(con)
  job <- readJob(tok)
  sys <- system(job$problem, job$params)
  res <- solveJob(job, sys)
  now <- if (job$clock == "wall") {
    function() as.numeric(Sys.time()) * 1e3
  } else {
    function() {
      p <- proc.time()
      (p[["user.self"]] + p[["sys.self"]]) * 1e3
    }
  }
  per <- numeric(0)
  reps <- 1
  if (job$batches > 0 && job$reference == 0) {
    s <- Sys.time()
    solveJob(job, sys)
    one <- as.numeric(Sys.time() - s, units = "secs") * 1e3
    reps <- if (one > 0) max(1, ceiling(job$batchms / one)) else 1000
    for (b in seq_len(job$batches)) {
      s <- now()
      for (r in seq_len(reps)) solveJob(job, sys)
      per <- c(per, (now() - s) / reps)
    }
  }
  per <- sort(per)
  num <- function(x) formatC(x, digits = 17, format = "g")
  cat(sprintf(
    '{"solver":"desolve-%s","version":"%s","ms":%s,"msMedian":%s,"reps":%d,"batches":%d,"steps":%d,"rhsEvals":%d,"jacEvals":%d,"y":[%s]}\n',
    job$method, as.character(packageVersion("deSolve")),
    num(if (length(per)) per[1] else 0), num(if (length(per)) per[(length(per) %/% 2) + 1] else 0),
    as.integer(reps), length(per), as.integer(res$steps), as.integer(res$nfev), as.integer(res$njev),
    paste(num(as.vector(t(res$out))), collapse = ",")))
}

main()
