# Reference values from metadat data sets covering zero cells and double zeros, rare events,
# large heterogeneity, k = 2 and k = 3, RD/RR/OR, every tau^2 estimator, Knapp-Hartung,
# proportions (PLO, PFT) with back-transformations, generic ratio-with-CI rows, and
# meta-regression (continuous and categorical moderators).
# Run from the repository root: Rscript scripts/reference/metadat_sets.R
# Output: Tests/MetaAnalysisTests/Fixtures/metadat_sets.json, metadat_regression.json
source("scripts/reference/common.R")
out <- list()
add <- function(x) out[[length(out) + 1]] <<- x

# Two-by-two tables: compute with escalc and record the counts so Swift recomputes yi/vi.
two_by_two <- function(name, d, measure, method, test = "z", correction = "metafor") {
  args <- list(measure = measure, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
  if (correction == "none") args$add <- 0
  if (correction == "all") args$to <- "all"
  if (correction == "dropDoubleZero") args$drop00 <- TRUE
  es <- do.call(escalc, args)
  keep <- !is.na(es$yi) & is.finite(es$yi) & is.finite(es$vi)
  add(full_analysis(name, es$yi[keep], es$vi[keep], method, test,
                    extra = list(measure = measure, correction = correction,
                                 counts = list(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i),
                                 escalc_yi = num(ifelse(keep, es$yi, NA)), escalc_vi = num(ifelse(keep, es$vi, NA)))))
}

bcg <- with(dat.bcg, data.frame(ai = tpos, n1i = tpos + tneg, ci = cpos, n2i = cpos + cneg))
for (m in c("FE", "DL", "REML", "ML", "PM", "HE", "SJ", "EB")) two_by_two(paste("bcg OR", m), bcg, "OR", m)
for (m in c("DL", "REML", "PM", "SJ")) two_by_two(paste("bcg OR", m, "knha"), bcg, "OR", m, "knha")
two_by_two("bcg RR REML", bcg, "RR", "REML")
two_by_two("bcg RR DL knha", bcg, "RR", "DL", "knha")
two_by_two("bcg RD DL", bcg, "RD", "DL")
two_by_two("bcg RD EB", bcg, "RD", "EB")
two_by_two("bcg k=2 OR DL", bcg[c(1, 7), ], "OR", "DL")
two_by_two("bcg k=2 OR REML knha", bcg[c(4, 13), ], "OR", "REML", "knha")
two_by_two("bcg k=2 OR PM", bcg[c(2, 13), ], "OR", "PM")
two_by_two("bcg k=3 OR DL", bcg[1:3, ], "OR", "DL")
two_by_two("bcg k=3 OR REML knha", bcg[4:6, ], "OR", "REML", "knha")
two_by_two("bcg k=3 RR PM", bcg[7:9, ], "RR", "PM")
two_by_two("bcg k=3 OR ML", bcg[c(2, 8, 12), ], "OR", "ML")
two_by_two("bcg k=1 OR DL", bcg[5, , drop = FALSE], "OR", "DL")
niel <- dat.nielweise2007[, c("ai", "n1i", "ci", "n2i")]
two_by_two("nielweise2007 OR DL", niel, "OR", "DL")
two_by_two("nielweise2007 OR REML to=all", niel, "OR", "REML", correction = "all")
two_by_two("nielweise2007 OR DL drop00", niel, "OR", "DL", correction = "dropDoubleZero")
two_by_two("nielweise2007 OR DL add=0", niel, "OR", "DL", correction = "none")
two_by_two("nielweise2007 RR PM", niel, "RR", "PM")
two_by_two("nielweise2007 RD DL", niel, "RD", "DL")
hahn <- dat.hahn2001[, c("ai", "n1i", "ci", "n2i")]
two_by_two("hahn2001 OR DL (double zeros)", hahn, "OR", "DL")
two_by_two("hahn2001 RD REML", hahn, "RD", "REML")
hine <- dat.hine1989[, c("ai", "n1i", "ci", "n2i")]
two_by_two("hine1989 RD DL (rare)", hine, "RD", "DL")
two_by_two("hine1989 RR FE", hine, "RR", "FE")
two_by_two("hine1989 OR HE", hine, "OR", "HE")
egger <- dat.egger2001[, c("ai", "n1i", "ci", "n2i")]
two_by_two("egger2001 OR REML knha", egger, "OR", "REML", "knha")
two_by_two("egger2001 OR DL", egger, "OR", "DL")
two_by_two("egger2001 OR EB", egger, "OR", "EB")
y85 <- dat.yusuf1985[dat.yusuf1985$table == "6", c("ai", "n1i", "ci", "n2i")]
two_by_two("yusuf1985 table 6 OR DL", y85, "OR", "DL")
li <- dat.li2007[, c("ai", "n1i", "ci", "n2i")]
two_by_two("li2007 OR SJ", li, "OR", "SJ")
two_by_two("li2007 OR ML knha", li, "OR", "ML", "knha")

# Single-arm proportions with back-transformed pooled estimates.
prop <- function(name, xi, ni, measure, method, test = "z") {
  es <- escalc(measure, xi = xi, ni = ni)
  a <- full_analysis(name, es$yi, es$vi, method, test,
                     extra = list(measure = measure, correction = "metafor",
                                  counts = list(xi = xi, ni = ni), escalc_yi = num(es$yi), escalc_vi = num(es$vi)))
  fit <- rma(es$yi, es$vi, method = method, test = test)
  bt <- if (measure == "PLO") predict(fit, transf = transf.ilogit) else predict(fit, transf = transf.ipft.hm, targs = list(ni = ni))
  a$backtransformed <- list(pred = num(bt$pred), ci_lb = num(bt$ci.lb), ci_ub = num(bt$ci.ub),
                            pi_lb = num(bt$pi.lb), pi_ub = num(bt$pi.ub))
  add(a)
}
p <- dat.pritz1997
prop("pritz1997 PLO DL", p$xi, p$ni, "PLO", "DL")
prop("pritz1997 PLO REML knha", p$xi, p$ni, "PLO", "REML", "knha")
prop("pritz1997 PFT DL", p$xi, p$ni, "PFT", "DL")
prop("pritz1997 PFT REML", p$xi, p$ni, "PFT", "REML")
prop("pritz1997 PFT PM knha", p$xi, p$ni, "PFT", "PM", "knha")

# Generic rows: a hazard/odds ratio with a two-decimal 95% CI, as papers report them.
es <- escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
est <- round(exp(es$yi), 2); lo <- round(exp(es$yi - 1.96 * sqrt(es$vi)), 2); hi <- round(exp(es$yi + 1.96 * sqrt(es$vi)), 2)
gy <- log(est); gse <- (log(hi) - log(lo)) / (2 * qnorm(0.975))
add(full_analysis("generic ratio CI REML", gy, gse^2, "REML", "z",
                  extra = list(generic = list(estimate = est, lower = lo, upper = hi), sei = num(gse))))
add(full_analysis("generic yi/sei DL knha", es$yi, es$vi, "DL", "knha",
                  extra = list(sei = num(sqrt(es$vi)))))
write_fixture(out, "Tests/MetaAnalysisTests/Fixtures/metadat_sets.json")

# Meta-regression: latitude (continuous) and allocation (categorical, subgroup test).
reg <- list()
for (spec in list(list("ablat", "REML", "z"), list("ablat", "DL", "z"), list("ablat", "REML", "knha"),
                  list("ablat", "FE", "z"), list("ablat+year", "PM", "z"), list("alloc", "REML", "z"),
                  list("alloc", "DL", "knha"), list("alloc", "FE", "z"), list("ablat", "ML", "z"),
                  list("ablat", "SJ", "knha"), list("ablat", "EB", "z"), list("ablat", "HE", "z"))) {
  X <- model.matrix(as.formula(paste("~", spec[[1]])), data = dat.bcg)
  fit <- rma(es$yi, es$vi, mods = X, intercept = FALSE, method = spec[[2]], test = spec[[3]])
  reg[[length(reg) + 1]] <- list(name = paste(spec, collapse = " "), method = spec[[2]], test = spec[[3]],
    yi = num(es$yi), vi = num(es$vi), X = unname(lapply(seq_len(nrow(X)), function(i) num(X[i, ]))),
    beta = num(fit$beta), se = num(fit$se), zval = num(fit$zval), pval = num(fit$pval),
    ci_lb = num(fit$ci.lb), ci_ub = num(fit$ci.ub), tau2 = num(fit$tau2), QE = num(fit$QE), QEp = num(fit$QEp),
    QM = num(fit$QM), QMp = num(fit$QMp), QMdf = num(fit$QMdf), I2 = num(fit$I2), H2 = num(fit$H2))
}
write_fixture(reg, "Tests/MetaAnalysisTests/Fixtures/metadat_regression.json")
