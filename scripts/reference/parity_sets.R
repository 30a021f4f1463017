# Reference values for issue 10's metafor-parity items, on metadat data sets the older fixtures
# do not use: influence() (hat, DFFITS, cov.r, DFBETAS, tau2.del, QE.del), leave1out(),
# regtest()$est, confint() (Q-profile), trimfill() for FE, DL and the iterative estimators;
# risk differences without a zero-cell correction, where a double-zero table has vi = 0 (metafor
# keeps it under REML, ML, HE, SJ and EB, and refuses FE, DL and PM).
# Run from the repository root: Rscript scripts/reference/parity_sets.R
# Output: Tests/MetaAnalysisTests/Fixtures/parity_sets.json (full_analysis() records, as
# metadat_sets.json) and parity_extras.json (refusals, Egger at k = 2, per-table MH/Peto rows).
source("scripts/reference/common.R")
out <- list()
add <- function(x) out[[length(out) + 1]] <<- x

two_by_two <- function(name, d, measure, method, test = "z", correction = "metafor") {
  args <- list(measure = measure, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
  if (correction == "none") args$to <- "none"
  if (correction == "all") args$to <- "all"
  if (correction == "dropDoubleZero") args$drop00 <- TRUE
  es <- suppressWarnings(do.call(escalc, args))
  keep <- !is.na(es$yi) & is.finite(es$yi) & is.finite(es$vi)
  a <- suppressWarnings(full_analysis(name, es$yi[keep], es$vi[keep], method, test,
                    extra = list(measure = measure, correction = correction,
                                 counts = list(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i),
                                 escalc_yi = num(ifelse(keep, es$yi, NA)), escalc_vi = num(ifelse(keep, es$vi, NA)))))
  stopifnot(is.null(a$error))
  add(a)
}
counts <- function(ai, n1i, ci, n2i) {
  ok <- !is.na(ai) & !is.na(ci)
  data.frame(ai = ai[ok], n1i = n1i[ok], ci = ci[ok], n2i = n2i[ok])
}

col <- with(dat.collins1985a, counts(b.xti, nti, b.xci, nci))      # rebleeding; one double zero
for (m in c("FE", "DL", "REML", "ML", "PM", "HE", "SJ", "EB")) two_by_two(paste("collins1985a OR", m), col, "OR", m)
for (m in c("DL", "REML", "PM")) two_by_two(paste("collins1985a OR", m, "knha"), col, "OR", m, "knha")
two_by_two("collins1985a RR REML", col, "RR", "REML")
two_by_two("collins1985a RD DL", col, "RD", "DL")
# to = "none": the double-zero table (row 13) has RD = 0 with vi = 0 and stays in the model.
for (m in c("REML", "ML", "HE", "SJ", "EB")) two_by_two(paste("collins1985a RD none", m), col, "RD", m, correction = "none")
two_by_two("collins1985a RD none REML knha", col, "RD", "REML", "knha", correction = "none")
lee <- dat.lee2004[, c("ai", "n1i", "ci", "n2i")]
two_by_two("lee2004 RR DL", lee, "RR", "DL")
two_by_two("lee2004 OR REML knha", lee, "OR", "REML", "knha")
two_by_two("lee2004 OR PM", lee, "OR", "PM")
two_by_two("lee2004 RD EB", lee, "RD", "EB")
two_by_two("lee2004 k=3 OR FE", lee[1:3, ], "OR", "FE")
anand <- dat.anand1999[, c("ai", "n1i", "ci", "n2i")]
two_by_two("anand1999 OR DL", anand, "OR", "DL")
two_by_two("anand1999 OR ML", anand, "OR", "ML")
two_by_two("anand1999 RR SJ knha", anand, "RR", "SJ", "knha")
linde <- with(dat.linde2005, counts(ai, n1i, ci, n2i))
two_by_two("linde2005 RR REML", linde, "RR", "REML")
two_by_two("linde2005 OR HE", linde, "OR", "HE")
ax <- with(dat.axfors2021, counts(hcq_arm_event, hcq_arm_total, control_arm_event, control_arm_total))
two_by_two("axfors2021 OR DL", ax, "OR", "DL")
two_by_two("axfors2021 OR drop00 REML", ax, "OR", "REML", correction = "dropDoubleZero")
two_by_two("axfors2021 RD FE", ax, "RD", "FE")
lao <- dat.laopaiboon2015[, c("ai", "n1i", "ci", "n2i")]
two_by_two("laopaiboon2015 RR DL", lao, "RR", "DL")
dam <- with(dat.damico2009, counts(xt, nt, xc, nc))
two_by_two("damico2009 OR REML", dam, "OR", "REML")
gra <- dat.graves2010[, c("ai", "n1i", "ci", "n2i")]
two_by_two("graves2010 OR PM knha", gra, "OR", "PM", "knha")

prop <- function(name, xi, ni, measure, method, test = "z") {
  es <- escalc(measure, xi = xi, ni = ni)
  add(full_analysis(name, es$yi, es$vi, method, test,
                    extra = list(measure = measure, correction = "metafor",
                                 counts = list(xi = xi, ni = ni), escalc_yi = num(es$yi), escalc_vi = num(es$vi))))
}
db <- dat.debruin2009
prop("debruin2009 PLO REML", db$xi, db$ni, "PLO", "REML")
prop("debruin2009 PFT DL knha", db$xi, db$ni, "PFT", "DL", "knha")

h <- dat.hackshaw1998
gy <- log(h$or); gse <- (log(h$or.ub) - log(h$or.lb)) / (2 * qnorm(0.975))
add(full_analysis("hackshaw1998 generic ratio CI REML", gy, gse^2, "REML", "z",
                  extra = list(generic = list(estimate = h$or, lower = h$or.lb, upper = h$or.ub), sei = num(gse))))
r <- dat.raudenbush1985
add(full_analysis("raudenbush1985 yi/vi DL knha", r$yi, r$vi, "DL", "knha"))
add(full_analysis("raudenbush1985 yi/vi ML", r$yi, r$vi, "ML", "z"))
write_fixture(out, "Tests/MetaAnalysisTests/Fixtures/parity_sets.json")

# --- Extras ---------------------------------------------------------------------------------
extras <- list()
msg <- function(expr) tryCatch({ expr; NULL }, error = function(e) conditionMessage(e))
es_none <- suppressWarnings(escalc("RD", ai = col$ai, n1i = col$n1i, ci = col$ci, n2i = col$n2i, to = "none"))
refusals <- list()
for (m in c("FE", "DL", "PM")) for (t in c("z", "knha"))
  refusals[[length(refusals) + 1]] <- list(method = m, test = t,
    message = msg(suppressWarnings(rma(es_none$yi, es_none$vi, method = m, test = t))))
fit_none <- suppressWarnings(rma(es_none$yi, es_none$vi, method = "REML"))
extras$rd_none <- list(yi = num(es_none$yi), vi = num(es_none$vi), refusals = refusals,
                       confint_message = msg(confint(fit_none)))

# Paule-Mandel whose Q(tau2) stays above k - 1 up to tau2.max = max(100, 10 mad(yi)^2).
pm_y <- c(0, 0.1, 0.2, 0.1, 0.05, 80); pm_v <- rep(0.001, 6)
extras$pm_too_low <- list(yi = pm_y, vi = pm_v, message = msg(rma(pm_y, pm_v, method = "PM")))

# Egger's test at k = 2 under FE: the saturated model yi ~ sei (z test).
egger2 <- list()
for (pair in list(c(1, 2), c(3, 9), c(5, 11))) {
  d <- lee[pair, ]
  es <- escalc("OR", ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
  rt <- regtest(rma(es$yi, es$vi, method = "FE"))
  egger2[[length(egger2) + 1]] <- list(yi = num(es$yi), vi = num(es$vi), zval = num(rt$zval), pval = num(rt$pval),
                                       est = num(rt$est), ci_lb = num(rt$ci.lb), ci_ub = num(rt$ci.ub),
                                       dl_message = msg(regtest(rma(es$yi, es$vi, method = "DL"))))
}
extras$egger_k2 <- egger2

# Per-table yi/vi as rma.mh (escalc with add = 1/2 to "only0", drop00 = TRUE) and rma.peto
# (escalc "PETO", same settings) report them in yi.f/vi.f: NA for double-zero tables.
tables <- list()
for (case in list(list("collins1985a", col), list("axfors2021", ax), list("anand1999", anand),
                  list("collins1985b", with(dat.collins1985b, counts(ped.xti, fup.nti, ped.xci, fup.nci))))) {
  d <- case[[2]]
  t <- list(name = case[[1]], ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
  for (m in c("OR", "RR", "RD")) {
    f <- suppressWarnings(rma.mh(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = m))
    t[[m]] <- list(yi = num(f$yi.f), vi = num(f$vi.f), estimate = num(f$beta), se = num(f$se), QE = num(f$QE),
                   k_yi = f$k.yi)
    if (m == "OR") t$OR <- c(t$OR, list(MH = num(f$MH), MHp = num(f$MHp), TA = num(f$TA), TAp = num(f$TAp),
                                        CO = num(f$CO), BD = num(f$BD)))
  }
  p <- suppressWarnings(rma.peto(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i))
  t$PETO <- list(yi = num(p$yi.f), vi = num(p$vi.f), estimate = num(p$beta), se = num(p$se), QE = num(p$QE),
                 k_yi = p$k.yi)
  tables[[length(tables) + 1]] <- t
}
extras$tables <- tables
write_fixture(extras, "Tests/MetaAnalysisTests/Fixtures/parity_extras.json")
