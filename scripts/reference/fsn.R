# Reference values for the fail-safe N (metafor::fsn): Rosenthal, Orwin, Rosenberg.
# Writes Tests/MetaAnalysisTests/Fixtures/more_fsn.csv (long format: case,key,index,value;
# index 0 = scalar, 1.. = vector element; numbers as sprintf("%.17g"), NA as "NA").
# Run from the repository root: Rscript scripts/reference/fsn.R
suppressMessages(library(metafor))
stopifnot(packageVersion("metafor") == "3.8.1")

rows <- list()
emit <- function(case, key, x, vector = FALSE) {
  v <- ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", as.numeric(x)))
  idx <- if (vector) seq_along(x) else 0L
  rows[[length(rows) + 1L]] <<- data.frame(case = case, key = key, index = idx, value = v)
}
emit_fsn <- function(case, prefix, f) {
  emit(case, paste0(prefix, "_fsnum"), f$fsnum)
  emit(case, paste0(prefix, "_alpha"), f$alpha)
  emit(case, paste0(prefix, "_pval"), f$pval)
  emit(case, paste0(prefix, "_meanes"), f$meanes)
  emit(case, paste0(prefix, "_target"), f$target)
}

fsn_case <- function(case, yi, vi) {
  ok <- !is.na(yi) & !is.na(vi)
  yi <- as.numeric(yi[ok]); vi <- as.numeric(vi[ok])
  emit(case, "yi", yi, vector = TRUE)
  emit(case, "vi", vi, vector = TRUE)
  emit_fsn(case, "rosenthal", fsn(yi, vi))
  emit_fsn(case, "rosenthal01", fsn(yi, vi, alpha = 0.01))
  emit_fsn(case, "orwin", fsn(yi, vi, type = "Orwin"))
  emit_fsn(case, "orwin_t02", fsn(yi, vi, type = "Orwin", target = 0.2))
  emit_fsn(case, "orwin_t0", fsn(yi, vi, type = "Orwin", target = 0))
  emit_fsn(case, "orwin_w", fsn(yi, vi, type = "Orwin", weighted = TRUE))
  emit_fsn(case, "rosenberg", fsn(yi, vi, type = "Rosenberg"))
}

# The seed review: log odds ratios per Table 3 category (escalc defaults: 1/2 added to zero cells).
seed <- read.csv("Seeds/published/ae_counts.csv", encoding = "UTF-8")
cats <- unique(seed$category)
for (i in seq_along(cats)) {
  d <- seed[seed$category == cats[i], ]
  dat <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
  fsn_case(sprintf("seed_%02d", i), dat$yi, dat$vi)
}

bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
fsn_case("bcg", bcg$yi, bcg$vi)
fsn_case("bcg_k2", bcg$yi[1:2], bcg$vi[1:2])
fsn_case("bcg_k3", bcg$yi[1:3], bcg$vi[1:3])
niel <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.nielweise2007)
fsn_case("nielweise2007", niel$yi, niel$vi)
yus <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i,
              data = dat.yusuf1985[dat.yusuf1985$table == "9", ])
fsn_case("yusuf1985_t9", yus$yi, yus$vi)
hine <- escalc("RD", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.hine1989)
fsn_case("hine1989", hine$yi, hine$vi)

out <- do.call(rbind, rows)
write.csv(out, "Tests/MetaAnalysisTests/Fixtures/more_fsn.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "rows\n")
