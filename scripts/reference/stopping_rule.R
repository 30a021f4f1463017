# Reference p-values for Callaghan & Müller-Hansen's (2020) stopping criterion,
# doi:10.1186/s13643-020-01521-4, computed straight from the published formula with R's phyper
# over every tail of the reading order (the Swift code only computes the tails that can be the
# smallest; these values check that too).
#
# Usage: Rscript scripts/reference/stopping_rule.R > Tests/LivrevRankingTests/Fixtures/stopping_rule.csv
#
# For a reading order with r includes found among the n_seen records read, out of N records:
# each tail of the last n records, holding k includes, is a sample from a population of
# N - (n_seen - n) records; under H0 (recall < tau) that population holds at least
# K = floor(r / tau - (r - k) + 1) includes, and p_n = P(X <= k) = phyper(k, K, N_pop - K, n).
# p = min over n. A tail with K > N_pop cannot hold H0 (p_n = 0).

h0 <- function(labels, N, tau) {
  n_seen <- length(labels)
  r <- sum(labels)
  p <- 1
  for (n in 1:n_seen) {
    tail <- labels[(n_seen - n + 1):n_seen]
    k <- sum(tail)
    pop <- N - (n_seen - n)
    K <- floor(r / tau - (r - k) + 1)
    pn <- if (K > pop) 0 else phyper(k, K, pop - K, n)
    p <- min(p, pn)
  }
  p
}

cases <- list(
  list(name = "two includes then 10 excludes of 100", labels = c(1, 1, rep(0, 10)), N = 100, tau = 0.95),
  list(name = "five includes early then 60 excludes of 200", labels = c(1, 0, 1, 1, 0, 1, 1, rep(0, 60)), N = 200, tau = 0.95),
  list(name = "five includes early then 120 excludes of 200", labels = c(1, 0, 1, 1, 0, 1, 1, rep(0, 120)), N = 200, tau = 0.95),
  list(name = "include late in the tail", labels = c(1, 1, 1, rep(0, 30), 1, rep(0, 40)), N = 150, tau = 0.95),
  list(name = "target 0.8", labels = c(1, 1, 0, 1, rep(0, 25)), N = 60, tau = 0.8),
  list(name = "everything read", labels = c(1, 0, 0, 1, 0, 0, 0, 0), N = 8, tau = 0.95),
  list(name = "nothing found yet", labels = rep(0, 20), N = 50, tau = 0.95),
  list(name = "ten includes then 300 excludes of 1000", labels = c(rep(c(1, 0, 0), 10), rep(0, 300)), N = 1000, tau = 0.95),
  list(name = "ten includes then 700 excludes of 750 (passes)", labels = c(rep(c(1, 0, 0), 10), rep(0, 700)), N = 750, tau = 0.95),
  list(name = "last read is an include", labels = c(1, rep(0, 50), 1), N = 80, tau = 0.9)
)

cat("name,N,target,labels,p\n")
for (case in cases) {
  cat(sprintf("\"%s\",%d,%s,%s,%.17g\n", case$name, case$N, format(case$tau), paste(case$labels, collapse = ""),
              h0(case$labels, case$N, case$tau)))
}
