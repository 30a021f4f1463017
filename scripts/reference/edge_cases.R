# Edge cases where metafor refuses or fails, so livrev must too: Fisher scoring that does not
# converge, influence() rows left NA, Knapp-Hartung on a fixed-effect model, k = 1.
# Run from the repository root: Rscript scripts/reference/edge_cases.R
# Output: Tests/MetaAnalysisTests/Fixtures/edge_cases.json
source("scripts/reference/common.R")
out <- list()
set.seed(20261122)
yi <- runif(120, -0.95, 0.55); vi <- 0.02 + runif(120)
reml <- tryCatch(rma(yi, vi, method = "REML"), error = function(e) conditionMessage(e))
out$reml_nonconvergence <- list(yi = yi, vi = vi, error = is.character(reml), message = if (is.character(reml)) reml else NA,
                                dl_tau2 = rma(yi, vi, method = "DL")$tau2)
es <- escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
fe <- suppressWarnings(rma(es$yi, es$vi, method = "FE", test = "knha"))
out$fixed_knha <- list(yi = num(es$yi), vi = num(es$vi), estimate = num(fe$beta), se = num(fe$se), tval = num(fe$zval),
                       pval = num(fe$pval), ci_lb = num(fe$ci.lb), ci_ub = num(fe$ci.ub), I2 = fe$I2, H2 = fe$H2)
write_fixture(out, "Tests/MetaAnalysisTests/Fixtures/edge_cases.json")
