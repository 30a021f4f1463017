# Reference values for `livrev pool --all --format json` on the bundled example (Seeds/ae-counts-*.csv):
# for every category, exactly the fields SPEC.md's pool JSON has, as metafor 3.8 computes them with
# livrev's defaults (escalc "OR", treatment first, add 1/2 to tables with a zero cell, DL, Wald z),
# null where metafor gives no value (it errors or returns NA). Rows in file order; no row is left
# out under these defaults (left_out is empty).
# Run from the repository root: Rscript scripts/reference/pool_seed_cli.R
suppressMessages(library(metafor))
library(jsonlite)

# The demo imports the trials up to 2020, then the rest; rows keep that order.
read_seed <- function(name) read.csv(file.path("Seeds", name), check.names = FALSE, stringsAsFactors = FALSE, encoding = "UTF-8")
data <- rbind(read_seed("ae-counts-to-2020.csv"), read_seed("ae-counts-from-2021.csv"))
value <- function(expr) tryCatch({ v <- expr; if (is.null(v) || length(v) == 0 || is.na(v)) NULL else unname(v) },
                                 error = function(e) NULL)
out <- list()
for (category in unique(data$outcome)) {
  d <- data[data$outcome == category, ]
  es <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
  fit <- rma(yi, vi, data = es, method = "DL")
  pred <- predict(fit)
  k <- fit$k
  egger <- tryCatch(regtest(fit), error = function(e) NULL)
  begg <- tryCatch(suppressWarnings(ranktest(fit)), error = function(e) NULL)
  fsn <- tryCatch(fsn(es$yi, es$vi), error = function(e) NULL)
  rs <- tryCatch(rstudent(fit), error = function(e) NULL)
  cd <- tryCatch(cooks.distance(fit), error = function(e) NULL)
  qp <- tryCatch(confint(fit), error = function(e) NULL)   # Q-profile interval for tau^2
  rows <- lapply(seq_len(k), function(i) list(
    study = d$study[i], label = if (d$label[i] == "" || is.na(d$label[i])) NULL else d$label[i],
    yi = es$yi[i], vi = es$vi[i], weight = unname(weights(fit)[i]),
    rstudent = if (is.null(rs)) NULL else value(rs$z[i]),
    cooks_distance = if (is.null(cd)) NULL else value(cd[i])))
  out[[length(out) + 1]] <- list(
    outcome = category, snapshot = NULL, measure = "OR", method = "DL", ci_method = "wald", k = k,
    estimate = value(fit$beta[1]), se = value(fit$se), ci_lower = value(fit$ci.lb), ci_upper = value(fit$ci.ub),
    statistic = value(fit$zval), p = value(fit$pval), tau2 = value(fit$tau2), tau = value(sqrt(fit$tau2)),
    i2 = value(fit$I2), h2 = value(fit$H2), q = value(fit$QE), q_df = k - 1, q_p = value(fit$QEp),
    pi_lower = value(pred$pi.lb), pi_upper = value(pred$pi.ub),
    tau2_ci = if (is.null(qp)) NULL else list(lower = value(qp$random["tau^2", "ci.lb"]),
                                              upper = value(qp$random["tau^2", "ci.ub"])),
    egger = if (is.null(egger)) NULL else list(z = value(egger$zval), p = value(egger$pval),
                                               limit_estimate = value(egger$est)),
    begg = if (is.null(begg)) NULL else list(tau = value(begg$tau), p = value(begg$pval)),
    failsafe_n = if (is.null(fsn)) NULL else value(fsn$fsnum),
    outlier_threshold = qnorm(1 - 0.05 / (2 * k)),
    rows = rows, left_out = list())
}
writeLines(toJSON(out, auto_unbox = TRUE, null = "null", digits = NA, pretty = TRUE),
           "Tests/LivrevCommandsTests/Fixtures/seed_pool.json")
cat("wrote", length(out), "categories\n")
