#!/usr/bin/env python3
"""The budget-fit benchmark's model fitted with SciPy, for the ratio `bench budget-fit` reports.

Reads the weeks the Java case fitted (CSV: outcome, then one spend column per platform) and fits the same model:
outcome_t = b0 + b1*t/n + (yearly sine and cosine with 52+ weeks) + sum_p beta_p * Hill(adstock_p,t; alpha_p, kappa_p),
with the same bounds (theta 0-0.8, alpha 0.5-2.5, kappa 0.3-3 x the median adstock at the start, beta >= 0) and the
same weakly informative shape prior, by scipy.optimize.least_squares on all parameters at once from the prior's
centre; then the same bootstrap: 500 moving blocks of 4 weeks of residuals, inflated by sqrt(n/(n-k)), each refitted
from the estimate. Prints one JSON line: seconds, the fit's sum of squares, draws.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import least_squares

PRIOR_THETA, PRIOR_THETA_SD = 0.3, 0.2
PRIOR_ALPHA, PRIOR_LOG_ALPHA_SD = 1.2, np.log(1.5)
PRIOR_LOG_KAPPA_SD = np.log(2)


def adstock(spend, theta):
    out = np.empty_like(spend)
    carried = 0.0
    for t, s in enumerate(spend):
        carried = s + theta * carried
        out[t] = carried
    return out


def base_columns(n):
    t = np.arange(n)
    cols = [np.ones(n), t / n]
    if n >= 52:
        cols += [np.sin(2 * np.pi * t / 52), np.cos(2 * np.pi * t / 52)]
    return np.column_stack(cols)


def model(params, spend, base, medians):
    k = base.shape[1]
    p = spend.shape[0]
    fitted = base @ params[:k]
    for i in range(p):
        beta, theta, log_alpha, log_kappa = params[k + 4 * i:k + 4 * i + 4]
        a = adstock(spend[i], theta)
        alpha, kappa = np.exp(log_alpha), np.exp(log_kappa)
        with np.errstate(divide="ignore", over="ignore"):
            fitted += beta / (1 + np.where(a > 0, (kappa / np.maximum(a, 1e-300)) ** alpha, np.inf))
    return fitted


def residuals(params, y, spend, base, medians, weight):
    k = base.shape[1]
    r = [y - model(params, spend, base, medians)]
    prior = []
    for i in range(spend.shape[0]):
        _, theta, log_alpha, log_kappa = params[k + 4 * i:k + 4 * i + 4]
        prior += [(theta - PRIOR_THETA) / PRIOR_THETA_SD, (log_alpha - np.log(PRIOR_ALPHA)) / PRIOR_LOG_ALPHA_SD,
                  (log_kappa - np.log(medians[i])) / PRIOR_LOG_KAPPA_SD]
    return np.concatenate([r[0], np.sqrt(weight) * np.array(prior)])


def fit(y, spend, base, medians, start, bounds, weight):
    return least_squares(residuals, start, bounds=bounds, args=(y, spend, base, medians, weight), method="trf").x


def main(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    y, spend = data[:, 0], data[:, 1:].T
    n, p = len(y), spend.shape[0]
    base = base_columns(n)
    k = base.shape[1]
    medians = [np.median(adstock(s, PRIOR_THETA)[adstock(s, PRIOR_THETA) > 0]) for s in spend]
    low, high, start = [-np.inf] * k, [np.inf] * k, list(np.linalg.lstsq(base, y, rcond=None)[0])
    for i in range(p):
        low += [0, 0, np.log(0.5), np.log(0.3 * medians[i])]
        high += [np.inf, 0.8, np.log(2.5), np.log(3 * medians[i])]
        start += [np.std(y), PRIOR_THETA, np.log(PRIOR_ALPHA), np.log(medians[i])]
    bounds = (np.array(low), np.array(high))
    began = time.perf_counter()
    weight = np.sum((y - base @ np.linalg.lstsq(base, y, rcond=None)[0]) ** 2) / n
    estimate = fit(y, spend, base, medians, np.array(start), bounds, weight)
    fitted = model(estimate, spend, base, medians)
    sse = float(np.sum((y - fitted) ** 2))
    weight = sse / max(1, n - k - 4 * p)
    estimate = fit(y, spend, base, medians, estimate, bounds, weight)
    fitted = model(estimate, spend, base, medians)
    sse = float(np.sum((y - fitted) ** 2))
    resid = (y - fitted) * np.sqrt(n / (n - k - 4 * p))
    rng = np.random.default_rng(20261126)
    draws = 500
    for _ in range(draws):
        starts = rng.integers(0, n - 4 + 1, size=(n + 3) // 4)
        noise = np.concatenate([resid[s:s + 4] for s in starts])[:n]
        fit(fitted + noise, spend, base, medians, estimate, bounds, weight)
    print(json.dumps({"seconds": time.perf_counter() - began, "sse": sse, "draws": draws}))


if __name__ == "__main__":
    main(sys.argv[1])
