# Reference values for `livrev cumulative` and for replaying a review through snapshots:
# metafor's cumul() on one seed category, rows ordered by publication year (ties in file order),
# DerSimonian-Laird, as livrev's defaults. Writes Tests/LivrevCommandsTests/Fixtures/seed_cumulative.json.
# Run from the repository root: Rscript scripts/reference/cumulative_seed.R
suppressMessages(library(metafor))
library(jsonlite)
read_seed <- function(name) read.csv(file.path("Seeds", name), check.names = FALSE, stringsAsFactors = FALSE, encoding = "UTF-8")
data <- rbind(read_seed("ae-counts-to-2020.csv"), read_seed("ae-counts-from-2021.csv"))
category <- "General disorders and administration site conditions"
d <- data[data$outcome == category, ]
d <- d[order(d$year), ]
es <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = d)
fit <- rma(yi, vi, data = es, method = "DL")
cu <- cumul(fit)
out <- list(outcome = category, year = d$year, study = d$study, label = d$label,
            estimate = cu$estimate, se = cu$se, ci_lower = cu$ci.lb, ci_upper = cu$ci.ub, p = cu$pval,
            q = cu$Q, tau2 = cu$tau2, i2 = cu$I2)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/LivrevCommandsTests/Fixtures/seed_cumulative.json")
cat("wrote", nrow(d), "steps\n")
