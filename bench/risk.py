"""The same risk runs as `symbiose risk --ranges`, hand-written in numpy, vectorised over draws:
the best a Python analyst would do (bench/risk.mjs runs it beside symbiose; not a test).

    /usr/bin/python3 bench/risk.py MODEL.json platform|amazon RUNS SEED

MODEL.json is the model document (its parameters' values and ranges are read from it; the
equations below are written out by hand from the template and from library/amazon-cash-burn.yaml).
Every ranged number is drawn from PERT(min, value, max) as symbiose draws it (beta-PERT, shape 4),
with numpy's generator (PCG64), not symbiose's: the estimates agree within their standard errors,
not bit for bit. The dynamics are Euler steps of dt over the horizon; a period's figure is the mean
of the values saved in it (times p - 1, p - 1 + dt, ...), as the engine's periodMeans takes them.
Prints one JSON line: seconds and CPU seconds (drawing + running + summarising), mean NPV and P(NPV < 0).
"""
import json
import sys
import time

import numpy as np


def pert(rng, lo, mode, hi, n):
    a = 1 + 4 * (mode - lo) / (hi - lo)
    b = 1 + 4 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, n)


def draws(doc, rng, n, periods=()):
    """Every parameter: its PERT draws when it has a range around a number, else its value."""
    out = {}
    for name, p in doc["parameters"].items():
        spec = p if isinstance(p, dict) else {"value": p}
        value, rng_ = spec["value"], spec.get("range")
        if rng_ and isinstance(value, (int, float)) and rng_[0] < rng_[1] and rng_[0] <= value <= rng_[1]:
            x = pert(rng, rng_[0], value, rng_[1], n)
            out[name] = np.floor(x + 0.5) if name in periods else x
        else:
            out[name] = value
    return out


def period_means(series, steps_per_period, horizon):
    """series: (steps + 1, n) values at t = 0, dt, ...; period p's mean over its steps."""
    cut = series[: steps_per_period * horizon]
    return cut.reshape(horizon, steps_per_period, -1).mean(axis=1)


def npv(net_by_period, rate, first=None):
    """net_by_period: (horizon, n) for periods 1..horizon; first: period 0 (not discounted)."""
    horizon = net_by_period.shape[0]
    factors = (1 + rate) ** np.arange(1, horizon + 1)
    total = (net_by_period / factors[:, None]).sum(axis=0)
    return total if first is None else total + first


def platform(doc, rng, n):
    sides = ["buyers", "sellers"]
    p = draws(doc, rng, n, periods={"subsidy_months"})
    dt, horizon = doc["dynamics"]["dt"], doc["horizon"]
    steps = int(round(horizon / dt))
    users = {s: np.broadcast_to(np.asarray(p[f"seed_{s}"], float), (n,)).copy() for s in sides}
    saved = {s: np.empty((steps + 1, n)) for s in sides}
    for i in range(steps + 1):
        t = i * dt
        value = {}
        for s in sides:
            other = [o for o in sides if o != s][0]
            launch = (t < p["subsidy_months"]) & (p[f"subsidy_{s}"] > 0)
            gross = p[f"standalone_{s}"] + p[f"cross_{s}_{other}"] * users[other] / p[f"market_{other}"] + p[f"same_{s}"] * users[s] / p[f"market_{s}"]
            value[s] = gross - (1 - launch) * p[f"price_{s}"] + launch * p[f"subsidy_{s}"]
        rates = {}
        for s in sides:
            saved[s][i] = users[s]
            willing = np.minimum(1, np.maximum(0, value[s]) / p[f"reference_{s}"])
            joining = np.maximum(0, (p[f"p_{s}"] + p[f"q_{s}"] * users[s] / p[f"market_{s}"]) * (p[f"market_{s}"] - users[s]) * willing)
            leaving = np.maximum(0, users[s] * (p[f"churn_{s}"] + np.where(value[s] < 0, p[f"exit_{s}"], 0)))
            rates[s] = joining - leaving
        for s in sides:
            users[s] = np.maximum(0, users[s] + dt * rates[s])
    t = np.arange(1, horizon + 1)[:, None]
    net = -np.broadcast_to(np.asarray(p["platform_fixed_cost"], float), (n,))[None, :] * np.ones((horizon, 1))
    for s in sides:
        members = period_means(saved[s], int(round(1 / dt)), horizon)
        subsidised = (t <= p["subsidy_months"]) & (p[f"subsidy_{s}"] > 0)
        net = net + members * np.where(subsidised, 0, p[f"price_{s}"])
        net = net - members * np.where(t <= p["subsidy_months"], p[f"subsidy_{s}"], 0)
        net = net - members * p["cost_per_member"]
    seeding = -(p["seed_buyers"] + p["seed_sellers"]) * p["seeding_cost"]
    return npv(net, 1.1 ** (1 / 12) - 1, first=seeding)


def amazon(doc, rng, n):
    p = draws(doc, rng, n)
    dt, horizon = doc["dynamics"]["dt"], doc["horizon"]
    steps = int(round(horizon / dt))
    customers = np.broadcast_to(np.asarray(p["first_customers"], float), (n,)).copy()
    catalogue = np.broadcast_to(np.asarray(p["books_share"], float), (n,)).copy()
    saved_customers = np.empty((steps + 1, n))
    saved_orders = np.empty((steps + 1, n))
    saved_investment = np.empty((steps + 1, n))
    # The investors' ceiling, when the model has it (investors_financing): the growth investment
    # never takes the cash position below minus what they finance.
    ceiling = p.get("investors_financing")
    cash = np.zeros(n)
    running_cost = p["basket"] * (p["gross_margin"] - p["long_run_margin"])
    for i in range(steps + 1):
        t = i * dt
        orders_a_year = p["orders_per_customer"] * catalogue
        sales = customers * orders_a_year * p["basket"]
        share = p["growth_push"] * max(0.0, 1 - t / p["burn_years"]) + (p["margin_reinvested"] * p["long_run_margin"] if t >= p["burn_years"] else 0)
        investment = sales * share
        if ceiling is not None:
            orders_now = customers * orders_a_year
            investment = np.minimum(investment, np.maximum(0, sales * p["gross_margin"] - orders_now * running_cost + (ceiling + cash) / dt))
            cash = cash + dt * (sales * p["gross_margin"] - orders_now * running_cost - investment)
        saved_customers[i], saved_orders[i], saved_investment[i] = customers, orders_a_year, investment
        room = 1 - customers / p["market_potential"]
        inflow = np.maximum(0, investment / p["acquisition_cost"] * room) + np.maximum(0, p["referral_rate"] * customers * room)
        churn = np.maximum(0, customers * p["churn_rate"])
        widening = np.maximum(0, (1 - catalogue) / p["widening_time"])
        customers = np.maximum(0, customers + dt * (inflow - churn))
        catalogue = catalogue + dt * widening
    per = int(round(1 / dt))
    # Orders a period: the segment's mean size times its mean orders a year (the scenario's counts).
    orders = period_means(saved_customers, per, horizon) * period_means(saved_orders, per, horizon)
    revenue = orders * p["basket"]
    goods = orders * p["basket"] * (1 - p["gross_margin"])
    running = orders * p["basket"] * (p["gross_margin"] - p["long_run_margin"])
    net = revenue - goods - running - period_means(saved_investment, per, horizon)
    return npv(net, doc["discountRate"])


def main():
    path, model, runs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(path) as f:
        doc = json.load(f)
    rng = np.random.default_rng(seed)
    start, cpu = time.perf_counter(), time.process_time()
    values = (platform if model == "platform" else amazon)(doc, rng, runs)
    mean, loss = float(values.mean()), float((values < 0).mean())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "meanNpv": mean, "lossProbability": loss, "runs": runs, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
