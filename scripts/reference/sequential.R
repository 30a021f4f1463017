# Reference values for trial sequential analysis (livrev sequential): required information size,
# Lan–DeMets O'Brien–Fleming-type alpha spending, monitoring boundaries by rpact's recursive
# integration, beta-spending futility bounds, and the z-curve with TSA-adjusted intervals on the
# seed review's outcomes under DL, FE and MH.
#
#   Rscript scripts/reference/sequential.R > Tests/MetaAnalysisTests/Fixtures/sequential.json
#
# rpact 3.3.4 (Debian r-cran-rpact) computes the boundaries; metafor 3.8.1 the pooled estimates.
# rpact's grid loses precision where a look adds little information (t = 0.30 then 0.31) or follows
# one that spent almost nothing; a second, exact reference for the efficacy boundaries comes from
# the multivariate normal itself (mvtnorm's Miwa algorithm), and `rpact_accurate` says where the two
# agree to 1e-6.
suppressMessages({ library(rpact); library(metafor); library(mvtnorm); library(jsonlite) })
stopifnot(packageVersion("metafor") == "3.8.1")

na_inf <- function(x) { x <- unname(as.numeric(x)); x[!is.finite(x)] <- NA; x }

# RIS = 4 (z_{1-a/2} + z_{1-b})^2 Pbar (1 - Pbar) / delta^2 (Wetterslev et al. 2008; TSA manual).
ris_exact <- function(pc, rrr, alpha, power) {
  pe <- pc * (1 - rrr); pbar <- (pc + pe) / 2; delta <- pc - pe
  4 * (qnorm(1 - alpha / 2) + qnorm(power))^2 * pbar * (1 - pbar) / delta^2
}
ris_cases <- lapply(list(
  c(0.14, -0.2, 0.05, 0.80), c(0.14, 0.2, 0.05, 0.80), c(0.30, 0.25, 0.01, 0.90),
  c(0.05, -0.5, 0.05, 0.90), c(0.60, 0.1, 0.025, 0.80), c(0.02, 0.35, 0.05, 0.95)), function(v) {
  r <- ris_exact(v[1], v[2], v[3], v[4])
  list(control_risk = v[1], rrr = v[2], alpha = v[3], power = v[4], ris_exact = r, ris = ceiling(r))
})

# Per side alpha*(t) = 2 - 2 Phi(z_{1-a'/2} / sqrt(t)), a' = alpha / 2 (Lan & DeMets 1983).
obf <- function(spending, t) 2 * pnorm(qnorm(1 - spending / 2) / sqrt(t), lower.tail = FALSE)
spending <- lapply(c(0.001, 0.1, 0.25, 0.5, 0.75, 1), function(t) {
  list(alpha = 0.05, t = t, per_side = obf(0.025, t))
})

# Two-sided boundaries from P(|Z_j| < c_j, j < k; |Z_k| >= c_k) = 2 (a*(t_k) - a*(t_k-1)),
# corr(Z_i, Z_j) = sqrt(t_i / t_j), integrated by Miwa's algorithm.
miwa_bounds <- function(u, alpha) {
  K <- length(u); cs <- numeric(K)
  sig <- outer(u, u, function(x, y) sqrt(pmin(x, y) / pmax(x, y)))
  box <- function(k, c) { b <- c(cs[seq_len(k - 1)], c); b[!is.finite(b)] <- 38
    pmvnorm(lower = -b, upper = b, sigma = sig[1:k, 1:k, drop = FALSE], algorithm = Miwa(steps = 4096))[1] }
  for (k in 1:K) {
    inc <- obf(alpha / 2, u[k]) - (if (k > 1) obf(alpha / 2, u[k - 1]) else 0)
    if (k == 1) { cs[1] <- qnorm(inc, lower.tail = FALSE); next }
    prev <- box(k - 1, cs[k - 1])
    # NA where Miwa's absolute error (about 1e-12) is not small against the error this look spends.
    cs[k] <- tryCatch(uniroot(function(c) (prev - box(k, c)) / (2 * inc) - 1,
                              c(0.5, qnorm(inc, lower.tail = FALSE) + 0.5), tol = 1e-12)$root,
                      error = function(e) NA)
  }
  cs
}

# The same boundaries by recursive integration on a uniform grid (step 0.01, Simpson's rule) — a
# plain R transcription of Armitage, McPherson & Rowe's recursion, independent of livrev's
# Jennison–Turnbull grid; checked below against the Miwa values to 1e-6. Fast in any number of looks,
# it gives the z-curves' boundaries, where rpact gives up at the seed review's tiny first looks.
simpson_grid <- function(a, b, h = 0.01) {
  n <- max(2, 2 * ceiling((b - a) / (2 * h))); z <- seq(a, b, length.out = n + 1)
  w <- rep(c(2, 4), length.out = n + 1); w[1] <- 1; w[n + 1] <- 1
  list(z = z, w = w * (b - a) / n / 3)
}
grid_bounds <- function(t, alpha = 0.05, L = 20) {
  u <- if (max(t) > 1) t / max(t) else t
  K <- length(u); cs <- numeric(K); g <- NULL; f <- NULL
  for (k in 1:K) {
    inc <- obf(alpha / 2, u[k]) - (if (k > 1) obf(alpha / 2, u[k - 1]) else 0)
    if (k == 1) { cs[1] <- qnorm(inc, lower.tail = FALSE) }
    else {
      s <- sqrt(u[k] - u[k - 1]); m <- g$z * sqrt(u[k - 1]) / s; hw <- g$w * f
      up <- function(c) sum(hw * pnorm(c * sqrt(u[k]) / s - m, lower.tail = FALSE))
      cs[k] <- if (inc <= 0) Inf else uniroot(function(c) log(up(c)) - log(inc), c(0.1, 30), tol = 1e-13)$root
    }
    if (k < K) {
      c <- min(cs[k], L); ng <- simpson_grid(-c, c)
      if (k == 1) f <- dnorm(ng$z) else {
        s <- sqrt(u[k] - u[k - 1]); sc <- sqrt(u[k]) / s
        f <- sc * as.vector(dnorm(outer(ng$z * sc, g$z * sqrt(u[k - 1]) / s, "-")) %*% (g$w * f))
      }
      g <- ng
    }
  }
  cs
}

# Boundaries at information fractions t; when a look passes t = 1 the spending runs on t / max(t)
# (RTSA's alpha_boundary), so the last look spends the rest of alpha.
boundary_case <- function(t, alpha = 0.05, beta = 0.2, exact = TRUE) {
  rates <- if (max(t) > 1) t / max(t) else if (max(t) < 1) c(t, 1) else t
  d <- getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2, typeOfDesign = "asOF",
                                informationRates = rates)
  f <- tryCatch({
    f <- getDesignGroupSequential(kMax = length(rates), alpha = alpha / 2, beta = beta, sided = 1,
                                  typeOfDesign = "asOF", typeBetaSpending = "bsOF",
                                  bindingFutility = FALSE, informationRates = rates)
    list(bounds = c(na_inf(f$futilityBounds), NA)[seq_along(t)],
         inflation = getDesignCharacteristics(f)$inflationFactor)
  }, error = function(e) list(bounds = rep(NA, length(t)), inflation = NA))
  efficacy <- na_inf(d$criticalValues)[seq_along(t)]
  miwa <- if (exact) miwa_bounds(rates, alpha)[seq_along(t)] else rep(NA, length(t))
  grid <- grid_bounds(rates, alpha)[seq_along(t)]
  stopifnot(all(abs(grid - miwa) < 1e-6, na.rm = TRUE))
  list(t = t, alpha = alpha, beta = beta, rates = rates, efficacy = efficacy, efficacy_exact = miwa,
       efficacy_grid = grid, rpact_accurate = all(abs(efficacy - miwa) < 1e-6, na.rm = TRUE),
       futility = f$bounds, inflation = f$inflation)
}
boundaries <- list(
  boundary_case(c(0.25, 0.5, 0.75, 1)),
  boundary_case(c(0.1, 0.2, 1)),
  boundary_case(c(0.05, 0.3, 0.31, 0.9, 1)),
  boundary_case(c(0.12, 0.4, 0.55)),
  boundary_case(c(0.3, 0.7, 1.2, 1.6)),
  boundary_case(c(0.2, 0.45, 0.8, 1), alpha = 0.01, beta = 0.1),
  boundary_case(c(0.15, 0.6), alpha = 0.1, beta = 0.1))

# The z-curve: seed review outcomes, one look per publication year (a year's trials enter together),
# control risk pooled over the control arms, participants summed over the rows.
rows <- rbind(read.csv("Seeds/ae-counts-to-2020.csv"), read.csv("Seeds/ae-counts-from-2021.csv"))
zcurve <- function(outcome, measure, method, rrr, alpha = 0.05, power = 0.8, adjust = "d2") {
  rows <- rows[rows$outcome == outcome, ]
  es <- escalc(measure, ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = rows)
  fe <- rma(yi, vi, data = es, method = "FE"); dl <- rma(yi, vi, data = es, method = "DL")
  d2 <- 1 - fe$se^2 / dl$se^2; i2 <- dl$I2 / 100
  pc <- sum(rows$events_c) / sum(rows$n_c)
  ris <- ris_exact(pc, rrr, alpha, power)
  factor <- switch(adjust, d2 = 1 / (1 - d2), i2 = 1 / (1 - i2), none = 1)
  adjusted <- ceiling(ris * factor)
  years <- sort(unique(rows$year))
  looks <- lapply(years, function(y) {
    s <- es[es$year <= y, ]
    fit <- if (method == "MH") rma.mh(ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = rows[rows$year <= y, ],
                                      measure = measure)
           else rma(yi, vi, data = s, method = method)
    list(label = as.character(y), n = sum(s$n_t + s$n_c), estimate = as.numeric(fit$beta), se = fit$se,
         z = as.numeric(fit$beta) / fit$se, ci_lower = fit$ci.lb, ci_upper = fit$ci.ub)
  })
  t <- sapply(looks, function(l) l$n) / adjusted
  # Miwa in 10+ dimensions takes hours and rpact fails at t < 0.05; these come from the grid.
  b <- boundary_case(t, alpha, 1 - power, exact = FALSE)
  for (i in seq_along(looks)) {
    looks[[i]]$information_fraction <- t[i]
    looks[[i]]$boundary <- b$efficacy_grid[i]
    looks[[i]]$futility <- b$futility[i]
    looks[[i]]$tsa_ci_lower <- looks[[i]]$estimate - b$efficacy_grid[i] * looks[[i]]$se
    looks[[i]]$tsa_ci_upper <- looks[[i]]$estimate + b$efficacy_grid[i] * looks[[i]]$se
  }
  list(outcome = outcome, measure = measure, method = method, rrr = rrr, alpha = alpha, power = power, adjust = adjust,
       control_risk = pc, d2 = d2, i2 = i2, ris_exact = ris, ris = ceiling(ris), adjusted_ris = adjusted,
       looks = looks)
}
general <- "General disorders and administration site conditions"
infections <- "Infections and infestations"
zcurves <- list(zcurve(general, "OR", "DL", rrr = -0.3), zcurve(general, "OR", "FE", rrr = -0.3),
                zcurve(infections, "OR", "DL", rrr = 0.3), zcurve(infections, "OR", "FE", rrr = 0.3, adjust = "none"),
                zcurve("SAEs deaths", "RR", "DL", rrr = 0.25, adjust = "i2"),
                zcurve(infections, "OR", "MH", rrr = 0.3, adjust = "none"),
                zcurve(general, "RD", "DL", rrr = -0.5, power = 0.9))

cat(toJSON(list(rpact = as.character(packageVersion("rpact")), ris = ris_cases, spending = spending,
                boundaries = boundaries, zcurves = zcurves),
           auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE))
