# Shared helpers for the reference scripts: run metafor 3.8-1 on one outcome and collect
# every number the Swift tests compare. Sourced by seed_review.R and metadat_sets.R.
suppressMessages(library(metafor))
stopifnot(packageVersion("metafor") == "3.8.1")
library(jsonlite)

safe <- function(expr) tryCatch(expr, error = function(e) NULL)
num <- function(x) if (is.null(x)) NULL else unname(as.numeric(x))

# All results for one analysis. `yi`, `vi`: effects; method/test as in rma().
full_analysis <- function(name, yi, vi, method = "DL", test = "z", extra = list()) {
  out <- c(list(name = name, method = method, test = test, yi = num(yi), vi = num(vi)), extra)
  fit <- safe(rma(yi, vi, method = method, test = test))
  if (is.null(fit)) { out$error <- TRUE; return(out) }
  pr <- predict(fit)
  out$fit <- list(k = fit$k, estimate = num(fit$beta), se = num(fit$se), zval = num(fit$zval),
                  pval = num(fit$pval), ci_lb = num(fit$ci.lb), ci_ub = num(fit$ci.ub),
                  tau2 = num(fit$tau2), tau = sqrt(num(fit$tau2)), I2 = num(fit$I2), H2 = num(fit$H2),
                  QE = num(fit$QE), QEp = num(fit$QEp), QEdf = fit$k - 1,
                  pi_lb = if (is.null(pr$pi.lb)) NA else num(pr$pi.lb),
                  pi_ub = if (is.null(pr$pi.ub)) NA else num(pr$pi.ub),
                  test_used = fit$test)
  out$weights <- num(weights(fit))
  out$hat <- num(hatvalues(fit))
  if (fit$k >= 2) {
    inf <- safe(influence(fit))
    if (!is.null(inf)) {
      out$influence <- list(rstudent = num(inf$inf$rstudent), dffits = num(inf$inf$dffits),
                            cooks = num(inf$inf$cook.d), cov_r = num(inf$inf$cov.r),
                            tau2_del = num(inf$inf$tau2.del), QE_del = num(inf$inf$QE.del),
                            hat = num(inf$inf$hat), weight = num(inf$inf$weight),
                            dfbetas = num(inf$dfbs[[1]]))
      rs <- rstudent(fit)
      out$rstudent <- list(resid = num(rs$resid), se = num(rs$se), z = num(rs$z))
      out$cooks_distance <- num(cooks.distance(fit))
      l1o <- leave1out(fit)
      out$leave1out <- list(estimate = num(l1o$estimate), se = num(l1o$se), zval = num(if (is.null(l1o$zval)) l1o$tval else l1o$zval),
                            pval = num(l1o$pval), ci_lb = num(l1o$ci.lb), ci_ub = num(l1o$ci.ub),
                            Q = num(l1o$Q), Qp = num(l1o$Qp), tau2 = num(l1o$tau2), I2 = num(l1o$I2),
                            H2 = num(l1o$H2))
    }
  }
  out$bonferroni <- qnorm(1 - 0.05 / (2 * fit$k))
  cu <- safe(cumul(fit))
  if (!is.null(cu)) {
    out$cumul <- list(estimate = num(cu$estimate), se = num(cu$se), zval = num(if (is.null(cu$zval)) cu$tval else cu$zval),
                      pval = num(cu$pval), ci_lb = num(cu$ci.lb), ci_ub = num(cu$ci.ub),
                      Q = num(cu$Q), Qp = num(cu$Qp), tau2 = num(cu$tau2), I2 = num(cu$I2), H2 = num(cu$H2))
  }
  if (fit$k >= 3) {
    rt <- safe(regtest(fit))
    if (!is.null(rt)) out$regtest <- list(zval = num(rt$zval), pval = num(rt$pval), dfs = if (is.null(rt$ddf) || is.na(rt$ddf)) NA else rt$ddf,
                                          est = num(rt$est), ci_lb = num(rt$ci.lb), ci_ub = num(rt$ci.ub))
    rl <- safe(regtest(fit, model = "lm"))
    if (!is.null(rl)) out$regtest_lm <- list(zval = num(rl$zval), pval = num(rl$pval), dfs = rl$ddf,
                                             est = num(rl$est), ci_lb = num(rl$ci.lb), ci_ub = num(rl$ci.ub))
    tf <- safe(trimfill(fit))
    if (!is.null(tf)) out$trimfill <- list(k0 = tf$k0, side = tf$side, se_k0 = num(tf$se.k0), k = tf$k,
                                           estimate = num(tf$beta), se = num(tf$se), zval = num(tf$zval),
                                           pval = num(tf$pval), ci_lb = num(tf$ci.lb), ci_ub = num(tf$ci.ub),
                                           tau2 = num(tf$tau2), yi = num(tf$yi), vi = num(tf$vi))
    rk <- safe(ranktest(fit))
    if (!is.null(rk)) out$ranktest <- list(tau = num(rk$tau), pval = num(rk$pval))
    fs <- safe(fsn(yi, vi))
    if (!is.null(fs)) out$fsn_rosenthal <- list(fsnum = num(fs$fsnum), pval = num(fs$pval))
    qp <- safe(confint(fit))
    if (!is.null(qp) && !is.element(method, c("FE"))) {
      out$confint_tau2 <- num(qp$random["tau^2", ])
      out$confint_tau <- num(qp$random["tau", ])
      out$confint_I2 <- num(qp$random["I^2(%)", ])
      out$confint_H2 <- num(qp$random["H^2", ])
    }
  }
  out
}

write_fixture <- function(x, file) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), file)
  cat("wrote", file, "\n")
}
