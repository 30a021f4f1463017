# Reference values for Begg's rank correlation test (metafor::ranktest) and Kendall's tau.
# Writes Tests/MetaAnalysisTests/Fixtures/more_ranktest.csv (long format: case,key,index,value;
# index 0 = scalar, 1.. = vector element; numbers as sprintf("%.17g"), NA as "NA").
# Run from the repository root: Rscript scripts/reference/ranktest.R
suppressMessages(library(metafor))
stopifnot(packageVersion("metafor") == "3.8.1")

rows <- list()
emit <- function(case, key, x) {
  v <- ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", as.numeric(x)))
  idx <- if (length(x) == 1L && !grepl("^(yi|vi|x|y)$", key)) 0L else seq_along(x)
  rows[[length(rows) + 1L]] <<- data.frame(case = case, key = key, index = idx, value = v)
}

# Begg's test on an rma fit: the test takes x$yi and x$vi.
rank_case <- function(case, fit) {
  rt <- ranktest(fit)
  ties <- min(length(unique(fit$vi)),
              length(unique((fit$yi - weighted.mean(fit$yi, 1 / fit$vi)) /
                            sqrt(fit$vi - 1 / sum(1 / fit$vi))))) < fit$k
  emit(case, "yi", as.numeric(fit$yi))
  emit(case, "vi", as.numeric(fit$vi))
  emit(case, "tau", unname(rt$tau))
  emit(case, "pval", rt$pval)
  emit(case, "exact", as.numeric(!ties))
}

# The seed review: one rma(escalc("OR"), method = "DL") per Table 3 category.
seed <- read.csv("Seeds/published/ae_counts.csv", encoding = "UTF-8")
cats <- unique(seed$category)
for (i in seq_along(cats)) {
  d <- seed[seed$category == cats[i], ]
  if (nrow(d) < 2) next
  dat <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
  rank_case(sprintf("seed_%02d", i), rma(yi, vi, data = dat, method = "DL"))
}

# metadat sets, including zero cells / double zeros and k = 2, 3.
bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
rank_case("bcg", rma(yi, vi, data = bcg))
rank_case("bcg_k2", rma(yi, vi, data = bcg[1:2, ]))
rank_case("bcg_k3", rma(yi, vi, data = bcg[1:3, ]))
niel <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.nielweise2007)
rank_case("nielweise2007", rma(yi, vi, data = niel))
yus <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i,
              data = dat.yusuf1985[dat.yusuf1985$table == "9", ])
rank_case("yusuf1985_t9", rma(yi, vi, data = yus))
hine <- escalc("RD", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.hine1989)
rank_case("hine1989", rma(yi, vi, data = hine))

# Larger k without ties: metafor forces exact = TRUE, so these use the exact distribution.
set.seed(20261122)
for (k in c(60L, 150L)) {
  vi <- rexp(k, 10) + 0.01
  yi <- rnorm(k, 0.2 + 0.8 * sqrt(vi), sqrt(vi))
  rank_case(sprintf("sim_k%d", k), rma(yi, vi, method = "FE"))
}

# Kendall's tau and cor.test directly: ties (normal approximation) and no ties (exact).
kendall_case <- function(case, x, y) {
  ct <- suppressWarnings(cor.test(x, y, method = "kendall", exact = TRUE))
  emit(case, "x", x)
  emit(case, "y", y)
  emit(case, "tau", unname(ct$estimate))
  emit(case, "pval", ct$p.value)
  emit(case, "statistic", unname(ct$statistic))
}
set.seed(1)
kendall_case("ties_n40", round(rnorm(40), 1), round(runif(40) * 6))
kendall_case("ties_n300", sample(1:20, 300, TRUE), sample(1:25, 300, TRUE) / 4)
kendall_case("exact_n12", c(3.1, 1.2, 5.5, 4.4, 2.0, 9.9, 7.7, 6.1, 8.3, 0.4, 10.2, 11.5),
             c(2.2, 1.1, 4.0, 6.3, 3.3, 8.8, 5.0, 7.7, 9.1, 0.9, 12.0, 10.4))
kendall_case("exact_n30", rnorm(30), rnorm(30))
kendall_case("exact_n100", 1:100, 1:100 + rnorm(100, 0, 40))
kendall_case("const_y", c(1, 2, 3, 4), c(5, 5, 5, 5))

# The exact null distribution itself: P(T <= q) for the number of concordant pairs.
for (n in c(2L, 5L, 10L, 25L, 60L, 170L)) {
  M <- n * (n - 1) / 2
  for (q in unique(c(0, 1, floor(M / 4), floor(M / 2), M - 3, M))) {
    emit(sprintf("pkendall_n%d_q%d", n, q), "n", n)
    emit(sprintf("pkendall_n%d_q%d", n, q), "q", q)
    emit(sprintf("pkendall_n%d_q%d", n, q), "cdf", .Call(stats:::C_pKendall, q, n))
  }
}

out <- do.call(rbind, rows)
write.csv(out, "Tests/MetaAnalysisTests/Fixtures/more_ranktest.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "rows\n")
