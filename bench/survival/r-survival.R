# Times R survival's analysis of one trial (KM per arm with medians, log-rank, Cox Efron) on CPU time
# (proc.time user + system), excluding R's start-up and reading the CSV. Batches sized to ~batch_ms,
# fastest batch reported, as bench/timing.ts does for ours.
# usage: Rscript r-survival.R DATA.csv BATCH_MS BATCHES  -> prints "ms coef" on stdout
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c("numeric", "numeric", "character"))
batch_ms <- as.numeric(args[2])
batches <- as.integer(args[3])
analyse <- function() {
  f <- survfit(Surv(time, status) ~ group, data = d)
  q <- quantile(f, 0.5)
  l <- survdiff(Surv(time, status) ~ group, data = d)
  m <- coxph(Surv(time, status) ~ group, data = d, ties = "efron")
  m
}
cpu <- function() { t <- proc.time(); (t[["user.self"]] + t[["sys.self"]]) * 1000 }
one <- Inf
t0 <- cpu()
i <- 0
while (i < 3 || cpu() - t0 < 300) {
  s <- cpu(); fit <- analyse(); one <- min(one, cpu() - s); i <- i + 1
}
reps <- max(1, ceiling(batch_ms / max(one, 1)))
best <- Inf
for (b in seq_len(batches)) {
  s <- cpu()
  for (r in seq_len(reps)) analyse()
  best <- min(best, (cpu() - s) / reps)
}
cat(sprintf("%.6f %.17g\n", best, coef(fit)[[1]]))
