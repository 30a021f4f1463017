# Reference values for `livrev pool` with the parity diagnostics, end to end through the CLI, on
# dat.collins1985a (rebleeding in treatments for upper gastrointestinal bleeding: 25 trials with
# counts, one double-zero table, one more zero cell): influence() and leave1out() for
# `--diagnostics`, regtest()$est, confint() (Q-profile tau^2 CI), trimfill() for `--trimfill`,
# rma.mh's CMH and Tarone tests and per-table rows, rma.peto's per-table rows, and risk
# differences without a zero-cell correction (metafor keeps the vi = 0 table under REML and
# refuses DL); and a Paule-Mandel model metafor refuses (tau2.max too low).
# and Egger's test at k = 2 under FE (dat.lee2004).
# Writes Tests/LivrevCommandsTests/Fixtures/{collins1985a.csv,pm_too_low.csv,lee2004_k2.csv,pool_diagnostics.json}.
# Run from the repository root: Rscript scripts/reference/pool_diagnostics_cli.R
suppressMessages(library(metafor))
stopifnot(packageVersion("metafor") == "3.8.1")
library(jsonlite)
fixtures <- "Tests/LivrevCommandsTests/Fixtures"
d <- dat.collins1985a[!is.na(dat.collins1985a$b.xti), ]
d <- data.frame(study = paste(d$trial, d$year), outcome = "Rebleeding", events_t = d$b.xti, n_t = d$nti,
                events_c = d$b.xci, n_c = d$nci)
write.csv(d, file.path(fixtures, "collins1985a.csv"), row.names = FALSE)
v <- function(x) if (is.null(x) || length(x) == 0 || is.na(x[1])) NULL else unname(as.numeric(x[1]))
vs <- function(x) lapply(unname(as.numeric(x)), function(e) if (is.na(e)) NULL else e)

inverse_variance <- function(es, method, test = "z", diagnostics = TRUE) {
  fit <- rma(yi, vi, data = es, method = method, test = test)
  out <- list(k = fit$k, estimate = v(fit$beta), se = v(fit$se), tau2 = v(fit$tau2), q = v(fit$QE), i2 = v(fit$I2))
  qp <- tryCatch(confint(fit), error = function(e) NULL)
  out["tau2_ci"] <- list(if (is.null(qp)) NULL else list(lower = v(qp$random["tau^2", "ci.lb"]),
                                                         upper = v(qp$random["tau^2", "ci.ub"])))
  out$egger_limit <- v(regtest(fit)$est)
  tf <- trimfill(fit)
  out$trimfill <- list(k0 = tf$k0, side = tf$side, estimate = v(tf$beta), se = v(tf$se), ci_lower = v(tf$ci.lb),
                       ci_upper = v(tf$ci.ub), tau2 = v(tf$tau2))
  if (diagnostics) {
    inf <- influence(fit)$inf
    out$rows <- list(hat = vs(inf$hat), dffits = vs(inf$dffits), cov_r = vs(inf$cov.r),
                     dfbetas = vs(influence(fit)$dfbs[[1]]), tau2_del = vs(inf$tau2.del), qe_del = vs(inf$QE.del),
                     yi = vs(es$yi), vi = vs(es$vi))
    l <- leave1out(fit)
    out$leave_one_out <- list(estimate = vs(l$estimate), se = vs(l$se), statistic = vs(if (is.null(l$zval)) l$tval else l$zval),
                              p = vs(l$pval), ci_lower = vs(l$ci.lb), ci_upper = vs(l$ci.ub), q = vs(l$Q), q_p = vs(l$Qp),
                              tau2 = vs(l$tau2), i2 = vs(l$I2), h2 = vs(l$H2))
  }
  out
}
or <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
rd <- suppressWarnings(escalc("RD", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d, to = "none"))
or_none <- suppressWarnings(escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d, to = "none"))
mh <- rma.mh(ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d, measure = "OR")
peto <- suppressWarnings(rma.peto(ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d))
refusal <- function(method) tryCatch({ suppressWarnings(rma(yi, vi, data = rd, method = method)); NULL },
                                     error = function(e) conditionMessage(e))
kept <- is.finite(or_none$yi)
out <- list(
  dl = inverse_variance(or, "DL"),
  reml_knha = inverse_variance(or, "REML", "knha"),
  mh = list(estimate = v(mh$beta), se = v(mh$se), q = v(mh$QE), cmh = list(statistic = v(mh$MH), p = v(mh$MHp)),
            tarone = list(statistic = v(mh$TA), p = v(mh$TAp)), yi = vs(mh$yi.f), vi = vs(mh$vi.f)),
  peto = list(estimate = v(peto$beta), se = v(peto$se), q = v(peto$QE), yi = vs(peto$yi.f), vi = vs(peto$vi.f)),
  rd_none_reml = suppressWarnings(inverse_variance(rd, "REML")),
  rd_none_refusals = list(DL = refusal("DL"), PM = refusal("PM"), FE = refusal("FE")),
  or_none = list(k = sum(kept), left_out = d$study[!kept], estimate = v(rma(yi, vi, data = or_none[kept, ], method = "DL")$beta)))
# Generic rows (yi with its SE) whose Paule-Mandel Q(tau^2) is still above k - 1 at tau2.max.
pm <- data.frame(study = paste("Study", 1:6), outcome = "Outlier", yi = c(0, 0.1, 0.2, 0.1, 0.05, 80),
                 sei = sqrt(0.001))
write.csv(pm, file.path(fixtures, "pm_too_low.csv"), row.names = FALSE)
out$pm_too_low <- tryCatch({ rma(yi, sei = sei, data = pm, method = "PM"); NULL }, error = function(e) conditionMessage(e))
# Egger's test at k = 2 under FE: metafor's saturated-model result (dat.lee2004, first two trials).
lee <- dat.lee2004[1:2, ]
write.csv(data.frame(study = paste(lee$study, lee$year), outcome = "Nausea", events_t = lee$ai, n_t = lee$n1i,
                     events_c = lee$ci, n_c = lee$n2i), file.path(fixtures, "lee2004_k2.csv"), row.names = FALSE)
rt <- regtest(rma(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = lee, method = "FE"))
out$egger_k2_fe <- list(z = v(rt$zval), p = v(rt$pval), limit_estimate = v(rt$est))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
           file.path(fixtures, "pool_diagnostics.json"))
cat("ok\n")
