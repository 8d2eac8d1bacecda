#!/bin/sh
# bench/table.sh: the benchmark's table from bench/guest.sh's raw results
# usage: sh bench/table.sh OUTDIR N NLOOP
# Topology: none (reads OUTDIR/raw, OUTDIR/rss.*, OUTDIR/*.out).
OUT=$1
N=$2
NLOOP=$3
rss() { cat "$OUT/rss.$1" 2>/dev/null || echo "?"; }
lines() { wc -l < "$OUT/$1.out" 2>/dev/null || echo 0; }

awk -v n="$N" -v nloop="$NLOOP" -v rss_i="$(rss install)" \
	-v rss_s="$(rss show)" -v rss_ib="$(rss install-ip)" \
	-v rss_is="$(rss show-ip)" -v l_si="$(lines show-ipmpls)" \
	-v l_sp="$(lines show-ip)" '
{ t[$1] = $2; cnt[$1] = $3; rc[$1] = $4 }
function ok(step, want) {
	if (!(step in t)) return "missing"
	if (rc[step] != 0) return "FAILED rc " rc[step]
	if (cnt[step] != want) return "FAILED: " cnt[step] " routes after, want " want
	return "ok"
}
function row(label, step, secs, routes, base, status) {
	if (!(step in t)) { printf "%-40s %10s\n", label, "not run"; return }
	printf "%-40s %10.3f %12.0f %10.2f   %s\n", label, secs,
		(secs > 0 ? routes / secs : 0), (base > 0 ? secs / base : 0), status
}
END {
	ti = t["install-ipmpls"]
	tl = t["install-loop"] * n / nloop
	printf "ipmpls benchmark: N = %d MPLS routes \"L as L via inet 192.168.30.102 dev eth1\"\n", n
	printf "kernel: user-mode-linux (timings are relative; read the ratios)\n\n"
	printf "%-40s %10s %12s %10s   %s\n", "step", "seconds", "routes/s", "x ipmpls", "check"
	row("install: ipmpls -batch", "install-ipmpls", ti, n, ti, ok("install-ipmpls", n))
	row("install: ip -batch (iproute2 6.1)", "install-ip", t["install-ip"], n, ti, ok("install-ip", n))
	row(sprintf("install: one ip per route (%d, scaled)", nloop), "install-loop", tl, n, ti, ok("install-loop", nloop))
	row("install: raw sender (no ACKs)", "install-raw", t["install-raw"], n, ti, ok("install-raw", n))
	row("install: raw sender, ACKs drained", "install-rawack", t["install-rawack"], n, ti, ok("install-rawack", n))
	ts = t["show-ipmpls"]
	row("show: ipmpls -f mpls route show", "show-ipmpls", ts, n, ts, ok("show-ipmpls", n) (l_si == n ? "" : ", printed " l_si " lines"))
	row("show: ip -f mpls route show", "show-ip", t["show-ip"], n, ts, ok("show-ip", n) (l_sp == n ? "" : ", printed " l_sp " lines"))
	tf = t["flush-ipmpls"]
	row("flush: ipmpls -f mpls route flush", "flush-ipmpls", tf, n, tf, ok("flush-ipmpls", 0))
	row("flush: ip -f mpls route flush", "flush-ip", t["flush-ip"], n, tf, ok("flush-ip", 0))
	printf "\nratios (targets from issue 5):\n"
	if (ti > 0) {
		printf "  install: ip -batch / ipmpls -batch     = %6.2f  (target >= 5)\n", t["install-ip"] / ti
		printf "  install: one ip per route / ipmpls     = %6.1f\n", tl / ti
		if (t["install-raw"] > 0)
			printf "  install: ipmpls / raw sender           = %6.2f  (target <= 1.25)\n", ti / t["install-raw"]
		if (t["install-rawack"] > 0)
			printf "  install: ipmpls / raw sender with ACKs = %6.2f\n", ti / t["install-rawack"]
	}
	if (ts > 0)
		printf "  show:    ip / ipmpls                   = %6.2f  (target >= 1.5)\n", t["show-ip"] / ts
	if (tf > 0)
		printf "  flush:   ip / ipmpls                   = %6.2f\n", t["flush-ip"] / tf
	printf "  peak RSS of ipmpls: -batch %s KiB, show %s KiB (target < 4096 KiB for the whole table)\n", rss_i, rss_s
	printf "  peak RSS of ip:     -batch %s KiB, show %s KiB\n", rss_ib, rss_is
}' "$OUT/raw"
