# Reference values for two-rater agreement (screening): Cohen's kappa, its Fleiss-Cohen-Everitt
# (1969) standard error, percent agreement and PABAK, computed in base R from the definitions
# (irr is not installable here). Writes Tests/MetaAnalysisTests/Fixtures/more_agreement.csv
# (long format: case,key,index,value; labels as text, numbers as sprintf("%.17g"), NA as "NA").
# Run from the repository root: Rscript scripts/reference/agreement.R
rows <- list()
emit <- function(case, key, x, vector = FALSE) {
  v <- if (is.character(x)) x else ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", x))
  idx <- if (vector) seq_along(x) else 0L
  rows[[length(rows) + 1L]] <<- data.frame(case = case, key = key, index = idx, value = v)
}

agreement_case <- function(case, r1, r2, categories) {
  q <- length(categories)
  tab <- table(factor(r1, levels = categories), factor(r2, levels = categories))
  n <- sum(tab)
  p <- tab / n
  rows_m <- rowSums(p); cols_m <- colSums(p)
  po <- sum(diag(p))
  pe <- sum(rows_m * cols_m)
  kappa <- if (pe < 1) (po - pe) / (1 - pe) else NA
  se <- NA
  if (pe < 1) {
    off <- p; diag(off) <- 0
    v <- (sum(diag(p) * ((1 - pe) - (rows_m + cols_m) * (1 - po))^2) +
          (1 - po)^2 * sum(off * outer(cols_m, rows_m, "+")^2) -
          (po * pe - 2 * pe + po)^2) / (n * (1 - pe)^4)
    se <- sqrt(max(v, 0))
    # Cross-check: the same variance by the delta method on the multinomial cell proportions,
    # with a numerical gradient of kappa.
    kap <- function(x) { m <- matrix(x, q); a <- sum(diag(m)); e <- sum(rowSums(m) * colSums(m)); (a - e) / (1 - e) }
    x <- as.vector(p)
    g <- sapply(seq_along(x), function(i) { h <- 1e-6; u <- x; d <- x; u[i] <- u[i] + h; d[i] <- d[i] - h
                                            (kap(u) - kap(d)) / (2 * h) })
    stopifnot(abs(sqrt(max(0, (sum(x * g^2) - sum(x * g)^2) / n)) - se) < 1e-6)
  }
  emit(case, "first", r1, TRUE)
  emit(case, "second", r2, TRUE)
  emit(case, "categories", categories, TRUE)
  emit(case, "po", po)
  emit(case, "pe", pe)
  emit(case, "kappa", kappa)
  emit(case, "se", se)
  emit(case, "pabak", (q * po - 1) / (q - 1))
}

set.seed(2026)
# Title/abstract screening with a third category that neither screener used.
r1 <- sample(c("include", "exclude"), 60, TRUE, prob = c(0.2, 0.8))
r2 <- ifelse(runif(60) < 0.85, r1, sample(c("include", "exclude"), 60, TRUE))
agreement_case("three_with_unused", r1, r2, c("include", "exclude", "maybe"))
agreement_case("two_categories", r1, r2, c("include", "exclude"))
# All three categories in use.
s1 <- sample(c("include", "exclude", "maybe"), 45, TRUE, prob = c(0.3, 0.5, 0.2))
s2 <- ifelse(runif(45) < 0.7, s1, sample(c("include", "exclude", "maybe"), 45, TRUE))
agreement_case("three_used", s1, s2, c("include", "exclude", "maybe"))
# Perfect agreement on two categories: kappa = 1, SE = 0.
agreement_case("perfect", c("a", "b", "a", "b", "b"), c("a", "b", "a", "b", "b"), c("a", "b"))
# Everyone excluded everything: p_e = 1, kappa undefined.
agreement_case("degenerate", rep("exclude", 8), rep("exclude", 8), c("include", "exclude"))

out <- do.call(rbind, rows)
write.csv(out, "Tests/MetaAnalysisTests/Fixtures/more_agreement.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "rows\n")
