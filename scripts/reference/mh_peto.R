# Reference values for Mantel-Haenszel (metafor::rma.mh, OR/RR/RD) and Peto (metafor::rma.peto).
# Writes Tests/MetaAnalysisTests/Fixtures/more_mh_peto.csv (long format: case,key,index,value;
# index 0 = scalar, 1.. = vector element; numbers as sprintf("%.17g"), NA as "NA").
# Run from the repository root: Rscript scripts/reference/mh_peto.R
suppressMessages(library(metafor))
stopifnot(packageVersion("metafor") == "3.8.1")

rows <- list()
emit <- function(case, key, x, vector = FALSE) {
  x <- as.numeric(x)
  if (length(x) == 0L) x <- NA_real_
  v <- ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", x))
  idx <- if (vector) seq_along(x) else 0L
  rows[[length(rows) + 1L]] <<- data.frame(case = case, key = key, index = idx, value = v)
}
emit_fit <- function(case, p, fit) {
  emit(case, paste0(p, "_beta"), fit$beta)
  emit(case, paste0(p, "_se"), fit$se)
  emit(case, paste0(p, "_zval"), fit$zval)
  emit(case, paste0(p, "_pval"), fit$pval)
  emit(case, paste0(p, "_cilb"), fit$ci.lb)
  emit(case, paste0(p, "_ciub"), fit$ci.ub)
  emit(case, paste0(p, "_QE"), fit$QE)
  emit(case, paste0(p, "_QEp"), fit$QEp)
  emit(case, paste0(p, "_I2"), fit$I2)
  emit(case, paste0(p, "_H2"), fit$H2)
  emit(case, paste0(p, "_k"), fit$k)
  emit(case, paste0(p, "_kyi"), fit$k.yi)
}

mh_case <- function(case, ai, n1i, ci, n2i) {
  ok <- !is.na(ai) & !is.na(n1i) & !is.na(ci) & !is.na(n2i)
  ai <- ai[ok]; n1i <- n1i[ok]; ci <- ci[ok]; n2i <- n2i[ok]
  emit(case, "ai", ai, TRUE); emit(case, "n1i", n1i, TRUE)
  emit(case, "ci", ci, TRUE); emit(case, "n2i", n2i, TRUE)
  for (m in c("OR", "RR", "RD")) {
    emit_fit(case, m, suppressWarnings(rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, measure = m)))
  }
  or <- suppressWarnings(rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, measure = "OR"))
  for (s in c("CO", "COp", "MH", "MHp", "BD", "BDp", "TA", "TAp", "k.pos")) emit(case, paste0("OR_", s), or[[s]])
  nc <- suppressWarnings(rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, measure = "OR", correct = FALSE))
  for (s in c("CO", "COp", "MH", "MHp")) emit(case, paste0("ORnc_", s), nc[[s]])
  l90 <- suppressWarnings(rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, measure = "RD", level = 90))
  emit(case, "RD90_cilb", l90$ci.lb); emit(case, "RD90_ciub", l90$ci.ub)
  peto <- tryCatch(suppressWarnings(rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i)), error = function(e) NULL)
  emit(case, "PETO_error", as.numeric(is.null(peto)))
  if (!is.null(peto)) emit_fit(case, "PETO", peto)
}

# The seed review, one analysis per Table 3 category.
seed <- read.csv("Seeds/published/ae_counts.csv", encoding = "UTF-8")
cats <- unique(seed$category)
for (i in seq_along(cats)) {
  d <- seed[seed$category == cats[i], ]
  mh_case(sprintf("seed_%02d", i), d$events_t, d$n_t, d$events_c, d$n_c)
}

# metadat sets: zero cells, double zeros, k = 2 and 3.
b <- dat.bcg
mh_case("bcg", b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg)
mh_case("bcg_k2", b$tpos[1:2], (b$tpos + b$tneg)[1:2], b$cpos[1:2], (b$cpos + b$cneg)[1:2])
mh_case("bcg_k3", b$tpos[1:3], (b$tpos + b$tneg)[1:3], b$cpos[1:3], (b$cpos + b$cneg)[1:3])
n <- dat.nielweise2007
mh_case("nielweise2007", n$ai, n$n1i, n$ci, n$n2i)
for (tb in c("6", "9")) {
  y <- dat.yusuf1985[dat.yusuf1985$table == tb, ]
  mh_case(paste0("yusuf1985_t", tb), y$ai, y$n1i, y$ci, y$n2i)
}
h <- dat.hine1989
mh_case("hine1989", h$ai, h$n1i, h$ci, h$n2i)
# No events in group 1 at all: OR and RR undefined, RD and Peto defined.
mh_case("no_events_group1", c(0, 0, 0), c(10, 20, 15), c(2, 0, 3), c(12, 18, 15))
# A single informative table among double zeros.
mh_case("one_informative", c(0, 3, 0), c(10, 20, 15), c(0, 1, 0), c(12, 18, 15))

out <- do.call(rbind, rows)
write.csv(out, "Tests/MetaAnalysisTests/Fixtures/more_mh_peto.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "rows\n")
