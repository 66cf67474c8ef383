"""
The straightforward Shapley value, for bench/sharing.mjs: v(S) summed over the game's terms for
every coalition S (itertools over the coalitions of each size), then the definition
phi_i = sum over S not holding i of |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S)).

Input on stdin (JSON): {"players": n, "terms": [[mask, worth], ...], "fraction": f}.
With fraction < 1, only the coalitions whose highest players are all absent (the first chunk of
1/fraction) are visited, and the time is scaled up by 1/fraction: an extrapolation, said so.
Output: {"seconds": s, "shapley": [...], "coalitions": visited}.
"""
import json
import sys
import time
from itertools import combinations
from math import factorial

data = json.load(sys.stdin)
n = data["players"]
terms = data["terms"]
fraction = data.get("fraction", 1)
start = time.process_time()

# Players visited: all of them, or the low ones only when a fraction of the coalitions is timed.
low = n if fraction >= 1 else n - round(-__import__("math").log2(fraction))
v = {}
for size in range(low + 1):
    for members in combinations(range(low), size):
        mask = 0
        for i in members:
            mask |= 1 << i
        v[mask] = sum(w for m, w in terms if m & mask == m)

phi = [0.0] * n
weights = [factorial(s) * factorial(n - s - 1) / factorial(n) for s in range(n)]
for i in range(low):
    bit = 1 << i
    for mask, value in v.items():
        if not mask & bit:
            s = bin(mask).count("1")
            phi[i] += weights[s] * (v[mask | bit] - value)

seconds = (time.process_time() - start) / fraction
print(json.dumps({"seconds": seconds, "shapley": phi if fraction >= 1 else None, "coalitions": len(v)}))
