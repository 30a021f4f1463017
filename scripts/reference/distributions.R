# Reference values for Distributions/ (StudentT, ChiSquared, SpecialFunctions).
# Run from the repository root: Rscript scripts/reference/distributions.R
# Writes Tests/MetaAnalysisTests/Fixtures/distributions.csv (function,x,df,expected).
out <- "Tests/MetaAnalysisTests/Fixtures/distributions.csv"
rows <- list()
add <- function(fn, x, df, v) rows[[length(rows) + 1]] <<- data.frame(fn = fn, x = sprintf("%.17g", x), df = sprintf("%.17g", df), expected = sprintf("%.17g", v))
dfs <- c(1, 2, 3, 4.5, 7, 10, 29, 100, 1e4)
ts <- c(-40, -8, -2.5, -1, -0.1, 0, 0.05, 0.7, 1.96, 3, 6, 12, 50, 300)
for (d in dfs) for (t in ts) {
  add("pt", t, d, pt(t, d))
  add("pt_upper", t, d, pt(t, d, lower.tail = FALSE))
  add("pt_two", t, d, 2 * pt(abs(t), d, lower.tail = FALSE))
}
ps <- c(1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.9, 0.975, 0.995, 1 - 1e-7)
for (d in dfs) for (p in ps) add("qt", p, d, qt(p, d))
cdfs <- c(0.5, 1, 2, 3, 5, 15, 50, 235, 1000)
xs <- c(1e-8, 0.01, 0.5, 1, 2.7, 7, 15, 40, 100, 400, 1500)
for (d in cdfs) for (x in xs) {
  add("pchisq", x, d, pchisq(x, d))
  add("pchisq_upper", x, d, pchisq(x, d, lower.tail = FALSE))
}
for (d in cdfs) for (p in c(1e-10, 0.001, 0.025, 0.5, 0.975, 0.999, 1 - 1e-9)) add("qchisq", p, d, qchisq(p, d))
# F upper tail: x = f, df = d1, second parameter d2 encoded in the function name
for (d in list(c(1, 1), c(1, 11), c(2, 10), c(3, 40), c(7, 2.5))) for (f in c(0.01, 0.5, 1, 3.2, 15, 400)) {
  rows[[length(rows) + 1]] <- data.frame(fn = sprintf("pf_upper_%.17g", d[2]), x = sprintf("%.17g", f), df = sprintf("%.17g", d[1]), expected = sprintf("%.17g", pf(f, d[1], d[2], lower.tail = FALSE)))
}
# regularized incomplete beta I_x(a, b) = pbeta(x, a, b) (x stored in x, "a;b" encoded as df = a, b in second row)
for (ab in list(c(0.5, 0.5), c(2, 3), c(10, 0.5), c(0.1, 40), c(150, 200))) for (x in c(1e-6, 0.05, 0.3, 0.5, 0.77, 0.999)) {
  rows[[length(rows) + 1]] <- data.frame(fn = sprintf("pbeta_%.17g_%.17g", ab[1], ab[2]), x = sprintf("%.17g", x), df = "0", expected = sprintf("%.17g", pbeta(x, ab[1], ab[2])))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
cat("wrote", out, "\n")
