#!/usr/bin/python3
# bench/chart.py: an SVG chart of make bench's results, routes/s per tool at each N run
# usage: python3 bench/chart.py OUTDIR > OUTDIR/chart.svg
# Reads every OUTDIR/results-N.json that bench/run.sh wrote (one per N run)
# and draws, for each row of install, show and flush, one bar per N on a
# logarithmic routes/s axis.  Python 3's standard library only.
import glob
import json
import math
import os
import sys
from xml.sax.saxutils import escape

COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"]
STEPS = ("install", "show", "flush")
LEFT, RIGHT, TOP, BAR, GAP = 290, 40, 60, 9, 8


def load(outdir):
    runs = {}
    for path in glob.glob(os.path.join(outdir, "results-*.json")):
        try:
            rows = json.load(open(path))
            n = int(os.path.basename(path)[8:-5])
        except (ValueError, OSError):
            continue
        runs[n] = [r for r in rows if r.get("step") in STEPS and
                   r.get("seconds", 0) > 0 and r.get("check") == "ok"]
    return dict(sorted(runs.items()))


def tools(runs):
    seen = []
    for step in STEPS:
        for rows in runs.values():
            for r in rows:
                key = (r["step"], r["tool"])
                if r["step"] == step and key not in seen:
                    seen.append(key)
    return seen


def rate(r):
    return r["n"] / r["seconds"]


def axis(lo, hi, width):
    """x position of a rate on a log scale from decade lo to decade hi"""
    return lambda v: LEFT + (math.log10(v) - lo) / (hi - lo) * width


def draw(runs):
    keys = tools(runs)
    rates = [rate(r) for rows in runs.values() for r in rows]
    if not keys or not rates:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no results</text></svg>\n'
    lo = math.floor(math.log10(min(rates)))
    hi = math.ceil(math.log10(max(rates)))
    hi = hi if hi > lo else lo + 1
    width = 560
    x = axis(lo, hi, width)
    group = len(runs) * BAR + GAP
    height = TOP + len(keys) * group + 50
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' %
           (LEFT + width + RIGHT, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14">make bench: MPLS label routes '
           'per second (log scale), user-mode-linux</text>']
    for i, n in enumerate(runs):
        out.append('<rect x="%d" y="30" width="10" height="10" fill="%s"/>'
                   '<text x="%d" y="39">N = %d</text>' %
                   (LEFT + i * 110, COLOURS[i % len(COLOURS)],
                    LEFT + 14 + i * 110, n))
    bottom = TOP + len(keys) * group
    for d in range(lo, hi + 1):
        px = x(10 ** d)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ccc"/>'
                   '<text x="%.1f" y="%d" text-anchor="middle">1e%d</text>' %
                   (px, TOP - 5, px, bottom, px, bottom + 15, d))
    for k, (step, tool) in enumerate(keys):
        y = TOP + k * group
        out.append('<text x="%d" y="%d" text-anchor="end">%s: %s</text>' %
                   (LEFT - 6, y + group / 2 + 1, step, escape(tool)))
        for i, rows in enumerate(runs.values()):
            for r in rows:
                if (r["step"], r["tool"]) != (step, tool):
                    continue
                w = x(rate(r)) - LEFT
                out.append('<rect x="%d" y="%d" width="%.1f" height="%d" '
                           'fill="%s"><title>%s %s, N=%d: %.0f routes/s'
                           '</title></rect>' %
                           (LEFT, y + i * BAR, max(w, 1), BAR - 1,
                            COLOURS[i % len(COLOURS)], step, escape(tool),
                            r["n"], rate(r)))
    out.append('<text x="%d" y="%d">routes/s (one-process-per-route loops: '
               'over the routes they ran)</text>' % (LEFT, bottom + 32))
    out.append("</svg>\n")
    return "\n".join(out)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: chart.py OUTDIR\n")
        return 255
    sys.stdout.write(draw(load(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
