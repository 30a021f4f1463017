# Reference values for pooling single-arm proportions and generic rows through the CLI:
# dat.pritz1997 (events xi among ni) as PLO and PFT, back-transformed as metafor's predict() does
# (transf.ilogit; transf.ipft.hm with the harmonic mean of ni), and the BCG trials' risk ratios
# entered as generic rows (RR with 95% CI). DerSimonian-Laird, Wald z, as livrev's defaults.
# Writes Tests/LivrevCommandsTests/Fixtures/{pritz1997.csv,bcg_generic.csv,proportions_generic.json}.
# Run from the repository root: Rscript scripts/reference/pool_proportions_generic_cli.R
suppressMessages(library(metafor))
library(jsonlite)
fixtures <- "Tests/LivrevCommandsTests/Fixtures"
p <- dat.pritz1997
write.csv(data.frame(study = paste(p$authors, p$year), outcome = "Remission", events = p$xi, n = p$ni),
          file.path(fixtures, "pritz1997.csv"), row.names = FALSE)
result <- function(fit, back = NULL) {
  pr <- if (is.null(back)) predict(fit) else back
  list(k = fit$k, estimate = fit$beta[1], se = fit$se, ci_lower = fit$ci.lb, ci_upper = fit$ci.ub,
       tau2 = fit$tau2, i2 = fit$I2, q = fit$QE, pi_lower = predict(fit)$pi.lb, pi_upper = predict(fit)$pi.ub,
       back = if (is.null(back)) NULL else list(estimate = pr$pred, lower = pr$ci.lb, upper = pr$ci.ub))
}
plo <- rma(measure = "PLO", xi = xi, ni = ni, data = p, method = "DL")
pft <- rma(measure = "PFT", xi = xi, ni = ni, data = p, method = "DL")
b <- dat.bcg
rr <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = b)
ci <- summary(rr)
write.csv(data.frame(study = paste(b$author, b$year), outcome = "TB", measure = "RR",
                     estimate = sprintf("%.15g", exp(rr$yi)), ci_lower = sprintf("%.15g", exp(ci$ci.lb)),
                     ci_upper = sprintf("%.15g", exp(ci$ci.ub))),
          file.path(fixtures, "bcg_generic.csv"), row.names = FALSE, quote = TRUE)
generic <- rma(yi, vi, data = rr, method = "DL")
out <- list(
  plo = result(plo, predict(plo, transf = transf.ilogit)),
  pft = result(pft, predict(pft, transf = transf.ipft.hm, targs = list(ni = p$ni))),
  generic = result(generic))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(fixtures, "proportions_generic.json"))
cat("ok\n")
