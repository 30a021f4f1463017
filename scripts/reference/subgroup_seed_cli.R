# Reference values for `livrev pool --subgroup phase` on the demo's "General disorders" category:
# each level pooled on its own (DL), and the test for subgroup differences, metafor's QM from
# rma(yi, vi, mods = ~ factor(level), method = "DL"). Studies without the characteristic form the
# level "(not recorded)", as livrev does. Writes Tests/LivrevCommandsTests/Fixtures/seed_subgroup.json.
# Run from the repository root: Rscript scripts/reference/subgroup_seed_cli.R
suppressMessages(library(metafor))
library(jsonlite)
read_seed <- function(name) read.csv(file.path("Seeds", name), check.names = FALSE, stringsAsFactors = FALSE, encoding = "UTF-8")
data <- rbind(read_seed("ae-counts-to-2020.csv"), read_seed("ae-counts-from-2021.csv"))
chars <- read_seed("characteristics.csv")
category <- "General disorders and administration site conditions"
d <- data[data$outcome == category, ]
phase <- chars$phase[match(d$study, chars$study)]
d$level <- ifelse(is.na(phase) | phase == "", "(not recorded)", phase)
es <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
moderated <- rma(yi, vi, mods = ~ factor(level), data = es, method = "DL")
levels <- unique(es$level)
per_level <- lapply(levels, function(l) {
  fit <- rma(yi, vi, data = es[es$level == l, ], method = "DL")
  list(level = l, k = fit$k, estimate = fit$beta[1], ci_lower = fit$ci.lb, ci_upper = fit$ci.ub, tau2 = fit$tau2)
})
out <- list(outcome = category, qm = moderated$QM, df = moderated$QMdf[1], p = moderated$QMp, levels = per_level)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/LivrevCommandsTests/Fixtures/seed_subgroup.json")
cat("QM", moderated$QM, "\n")
