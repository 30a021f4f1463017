# Reference values for the seed review (16 adverse-event categories), one DL meta-analysis of
# log odds ratios per category, exactly as livrev runs them.
# Run from the repository root: Rscript scripts/reference/seed_review.R
# Input:  Seeds/published/ae_counts.csv (the transcribed review)
# Output: Tests/MetaAnalysisTests/Fixtures/seed_review.json
source("scripts/reference/common.R")
d <- read.csv("Seeds/published/ae_counts.csv", stringsAsFactors = FALSE, check.names = FALSE)
out <- list()
for (cat_name in unique(d$category)) {
  s <- d[d$category == cat_name, ]
  es <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = s)
  keep <- !is.na(es$yi)
  a <- full_analysis(cat_name, es$yi[keep], es$vi[keep], method = "DL", test = "z",
                     extra = list(measure = "OR", correction = "metafor",
                                  counts = list(ai = s$events_t, n1i = s$n_t, ci = s$events_c, n2i = s$n_c),
                                  escalc_yi = num(es$yi), escalc_vi = num(es$vi)))
  out[[length(out) + 1]] <- a
}
write_fixture(out, "Tests/MetaAnalysisTests/Fixtures/seed_review.json")
