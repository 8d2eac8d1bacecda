#!/bin/sh
# bench/table.sh: the benchmark's table from bench/guest.sh's raw results
# usage: sh bench/table.sh OUTDIR N NLOOP [text|json [NPY]]
# Topology: none (reads OUTDIR/raw, OUTDIR/rss.*, OUTDIR/*.out,
# OUTDIR/strace.*).  With "json": the same rows as a JSON array, one object
# per row {"step", "tool", "n", "seconds", "ratio"} (ratio: the row's time
# per route over ipmpls's in the same step; the loops' n is NLOOP, and
# pyroute2's NPY, with their seconds as measured, not scaled).
OUT=$1
N=$2
NLOOP=$3
FORMAT=${4:-text}
NPY=${5:-$N}
# rss STEP [OLDNAME]: the peak RSS of STEP (bench/rss.c's first field)
rss() {
	for _f in "$OUT/rss.$1" ${2:+"$OUT/rss.$2"}; do
		[ -r "$_f" ] && { awk '{ print $1; exit }' "$_f"; return; }
	done
	echo "?"
}
lines() { wc -l < "$OUT/$1.out" 2>/dev/null || echo 0; }
# calls TRACE: the total system calls in an strace -c table
calls() {
	awk '$NF == "total" { print $4 }' "$OUT/strace.$1" 2>/dev/null |
		grep . || echo "?"
}

awk -v n="$N" -v nloop="$NLOOP" -v fmt="$FORMAT" -v npy="$NPY" -v out="$OUT" -v rss_i="$(rss install-ipmpls install)" \
	-v rss_s="$(rss show-ipmpls show)" -v rss_ib="$(rss install-ip)" \
	-v rss_is="$(rss show-ip)" -v rss_la="$(rss install-libapi)" \
	-v rss_nl="$(rss install-nlroute)" -v rss_py="$(rss install-pyroute2)" \
	-v l_si="$(lines show-ipmpls)" -v l_sp="$(lines show-ip)" \
	-v sc_vi="$(calls version-ip)" -v sc_vm="$(calls version-ipmpls)" \
	-v sc_ai="$(calls add-ip)" -v sc_am="$(calls add-ipmpls)" '
{ t[$1] = $2; cnt[$1] = $3; rc[$1] = $4 }
function T(key) { return (key in t) ? t[key] : 0 }
function ok(step, want) {
	if (!(step in t)) return "missing"
	if (rc[step] != 0) return "FAILED rc " rc[step]
	if (cnt[step] != want) return "FAILED: " cnt[step] " routes after, want " want
	return "ok"
}
# row(STEP, TOOL, LABEL, KEY, ROUTES, SECONDS-PER-N, BASE, STATUS): one line
# of the table or one JSON object; SECS is the time for N routes (scaled)
function row(step, tool, label, key, routes, secs, base, status) {
	if (!(key in t)) {
		if (fmt == "text")
			printf "%-44s %10s\n", label, "not run"
		return
	}
	if (fmt == "json") {
		printf "%s  {\"step\": \"%s\", \"tool\": \"%s\", \"n\": %d, \"seconds\": %.3f, \"ratio\": %.3f, \"check\": \"%s\"}",
			(nrows++ ? ",\n" : ""), step, tool, routes, T(key),
			(base > 0 ? secs / base : 0), status
		return
	}
	printf "%-44s %10.3f %12.0f %10.2f   %s\n", label, secs,
		(secs > 0 ? n / secs : 0), (base > 0 ? secs / base : 0), status
}
# loops_read: OUT/loops (the rounds of guest.sh): per step the fastest
# round: page faults a process (lflt), the rounds (lrounds), their lines
function loops_read(  line, f) {
	while ((getline line < (out "/loops")) > 0) {
		split(line, f, " ")
		if (f[6] <= 0) continue
		if (!(f[1] in lbest) || f[2] < lbest[f[1]]) {
			lbest[f[1]] = f[2]
			lflt[f[1]] = f[3] / f[6]
		}
		if (f[1] == "install-loop") lrounds++
		lchunk = f[6]
	}
}
function startup_row(label, key) {
	if (T(key) > 0)
		printf "  %-34s %10.2f %14.0f\n", label, 1000 * T(key) / nloop, lflt[key]
}
# diag: the system calls of one more run (guest.sh diag_strace)
function diag(step, label, key,    f, line, sc) {
	f = out "/strace." key
	while ((getline line < f) > 0) {
		split(line, sc, " ")
		calls[key, sc[length(sc)]] = sc[4]
	}
	close(f)
	if (!((key, "total") in calls))
		return
	if (!diag_head++)
		printf "\nsystem calls of show and flush (one more run each, strace -c -f):\n  %-22s %9s %8s %9s %9s %9s\n", "", "seconds", "calls", "recv*", "send*", "write"
	printf "  %-22s %9.3f %8s %9s %9s %9s\n", label, T(key),
		calls[key, "total"] + 0, calls[key, "recvmsg"] + calls[key, "recvfrom"] + calls[key, "recvmmsg"],
		calls[key, "sendto"] + calls[key, "sendmsg"] + 0, calls[key, "write"] + 0
}
function ratio(label, a, b, target) {
	if (fmt == "text" && a > 0 && b > 0)
		printf "  %-44s = %7.2f%s\n", label, a / b,
			(target == "" ? "" : "  (target " target ")")
}
END {
	sc = n / nloop
	ti = T("install-ipmpls"); ts = T("show-ipmpls"); tf = T("flush-ipmpls")
	tl = T("install-loop") * sc; tlm = T("install-loop-ipmpls") * sc
	if (fmt == "json")
		printf "[\n"
	else {
		printf "ipmpls benchmark: N = %d MPLS routes \"L as L via inet 192.168.30.102 dev eth1\"\n", n
		printf "kernel: user-mode-linux (timings are relative; read the ratios)\n\n"
		printf "%-44s %10s %12s %10s   %s\n", "step", "seconds", "routes/s", "x ipmpls", "check"
	}
	row("install", "ipmpls -batch", "install: ipmpls -batch", "install-ipmpls", n, ti, ti, ok("install-ipmpls", n))
	row("install", "ipmpls -noack -batch", "install: ipmpls -noack -batch", "install-ipmpls-noack", n, T("install-ipmpls-noack"), ti, ok("install-ipmpls-noack", n))
	row("install", "ipmpls -batch (base)", "install: ipmpls -batch, IPMPLS_BASE", "install-ipmpls-base", n, T("install-ipmpls-base"), ti, ok("install-ipmpls-base", n))
	row("install", "library API, batched", "install: library API, batched (libapi.c)", "install-libapi", n, T("install-libapi"), ti, ok("install-libapi", n))
	row("install", "libnl-route 3", "install: libnl-route 3 (nlroute.c)", "install-nlroute", n, T("install-nlroute"), ti, ok("install-nlroute", n))
	tp = T("install-pyroute2") * n / npy
	row("install", "pyroute2", "install: pyroute2" (npy == n ? "" : sprintf(" (%d, scaled)", npy)), "install-pyroute2", npy, tp, ti, ok("install-pyroute2", npy))
	row("install", "ip -batch", "install: ip -batch (iproute2 6.1)", "install-ip", n, T("install-ip"), ti, ok("install-ip", n))
	row("install", "one ip per route", sprintf("install: one ip per route (%d, scaled)", nloop), "install-loop", nloop, tl, ti, ok("install-loop", nloop))
	row("install", "one ipmpls per route", sprintf("install: one ipmpls per route (%d, scaled)", nloop), "install-loop-ipmpls", nloop, tlm, ti, ok("install-loop-ipmpls", nloop))
	row("install", "one ipmpls per route (base)", sprintf("install: one IPMPLS_BASE per route (%d, scaled)", nloop), "install-loop-ipmpls-base", nloop, T("install-loop-ipmpls-base") * sc, ti, ok("install-loop-ipmpls-base", nloop))
	row("install", "raw sender", "install: raw sender (no ACKs)", "install-raw", n, T("install-raw"), ti, ok("install-raw", n))
	row("install", "raw sender with ACKs", "install: raw sender, ACKs drained", "install-rawack", n, T("install-rawack"), ti, ok("install-rawack", n))
	row("show", "ipmpls", "show: ipmpls -f mpls route show", "show-ipmpls", n, ts, ts, ok("show-ipmpls", n) (l_si == n ? "" : ", printed " l_si " lines"))
	row("show", "ip", "show: ip -f mpls route show", "show-ip", n, T("show-ip"), ts, ok("show-ip", n) (l_sp == n ? "" : ", printed " l_sp " lines"))
	row("show", "raw reader", "show: raw dump reader (rawdump.c)", "show-raw", n, T("show-raw"), ts, ok("show-raw", n))
	row("flush", "ipmpls", "flush: ipmpls -f mpls route flush", "flush-ipmpls", n, tf, tf, ok("flush-ipmpls", 0))
	row("flush", "ip", "flush: ip -f mpls route flush", "flush-ip", n, T("flush-ip"), tf, ok("flush-ip", 0))
	row("flush", "raw flusher", "flush: raw flusher (rawflush.c, no ACKs)", "flush-raw", n, T("flush-raw"), tf, ok("flush-raw", 0))
	row("flush", "raw flusher with ACKs", "flush: raw flusher, ACKs drained", "flush-rawack", n, T("flush-rawack"), tf, ok("flush-rawack", 0))
	if (fmt == "json") {
		vi = T("version-ip"); vm = T("version-ipmpls")
		if ("version-ipmpls" in t)
			printf "%s  {\"step\": \"start-up\", \"tool\": \"ipmpls -V\", \"n\": 100, \"seconds\": %.3f, \"ratio\": 1.000, \"syscalls\": \"%s\"}", (nrows++ ? ",\n" : ""), vm, sc_vm
		if ("version-ip" in t)
			printf "%s  {\"step\": \"start-up\", \"tool\": \"ip -V\", \"n\": 100, \"seconds\": %.3f, \"ratio\": %.3f, \"syscalls\": \"%s\"}", (nrows++ ? ",\n" : ""), vi, (vm > 0 ? vi / vm : 0), sc_vi
		loops_read()
		if ("loop-floor" in t)
			printf "%s  {\"step\": \"start-up\", \"tool\": \"static nop (floor)\", \"n\": %d, \"seconds\": %.3f, \"ratio\": %.3f, \"faults\": %.0f}", (nrows++ ? ",\n" : ""), nloop, T("loop-floor"), (tlm > 0 ? T("loop-floor") * sc / tlm : 0), lflt["loop-floor"]
		if ("loop-true" in t)
			printf "%s  {\"step\": \"start-up\", \"tool\": \"/bin/true\", \"n\": %d, \"seconds\": %.3f, \"ratio\": %.3f, \"faults\": %.0f}", (nrows++ ? ",\n" : ""), nloop, T("loop-true"), (tlm > 0 ? T("loop-true") * sc / tlm : 0), lflt["loop-true"]
		printf "\n]\n"
		exit
	}
	printf "\nratios:\n"
	ratio("install: libnl-route / library API", T("install-nlroute"), T("install-libapi"), ">= 20")
	ratio("install: library API / ipmpls -batch", T("install-libapi"), ti, "<= 1.1")
	ratio("install: pyroute2 / library API", tp, T("install-libapi"), "")
	ratio("install: ip -batch / ipmpls -batch", T("install-ip"), ti, ">= 5")
	ratio("install: ipmpls / raw sender", ti, T("install-raw"), "<= 1.25")
	ratio("install: ipmpls / raw sender with ACKs", ti, T("install-rawack"), "<= 1.05 at 100k, 1.1 full")
	ratio("install: ipmpls -noack / raw sender (no ACKs)", T("install-ipmpls-noack"), T("install-raw"), "<= 1.15")
	ratio("install: IPMPLS_BASE / raw sender with ACKs", T("install-ipmpls-base"), T("install-rawack"), "")
	ratio("install: library API / raw sender with ACKs", T("install-libapi"), T("install-rawack"), "")
	ratio("show: ip / ipmpls", T("show-ip"), ts, ">= 1.5")
	ratio("show: ipmpls / raw reader", ts, T("show-raw"), "<= 1.5")
	ratio("flush: ip / ipmpls", T("flush-ip"), tf, "")
	ratio("flush: ipmpls / raw flusher with ACKs", tf, T("flush-rawack"), "<= 1.2")
	ratio("flush: ipmpls / raw flusher (no ACKs)", tf, T("flush-raw"), "")
	loops_read()
	printf "\nstart-up (one process per route, sh -c \"while read -r l; do TOOL -f mpls $l; done\",\n"
	printf "  %d rounds of %d routes, the tools interleaved, the fastest round of each; same run):\n", lrounds, lchunk
	printf "  %-34s %10s %14s\n", "", "ms/process", "faults/process"
	startup_row("floor: static binary doing nothing", "loop-floor")
	startup_row("/bin/true (ld.so + libc)", "loop-true")
	startup_row("ip     -f mpls route add ...", "install-loop")
	startup_row("ipmpls -f mpls route add ...", "install-loop-ipmpls")
	startup_row("IPMPLS_BASE -f mpls route add ...", "install-loop-ipmpls-base")
	ratio("per process: ip / ipmpls", T("install-loop"), T("install-loop-ipmpls"), ">= 1.5")
	ratio("above the floor: ip / ipmpls", T("install-loop") - T("loop-floor"), T("install-loop-ipmpls") - T("loop-floor"), "")
	ratio("per process: ip / IPMPLS_BASE", T("install-loop"), T("install-loop-ipmpls-base"), "")
	if ("version-ipmpls" in t)
		printf "  -V wall time (100 runs each): ipmpls %.2f ms, ip %.2f ms a run\n", 10 * T("version-ipmpls"), 10 * T("version-ip")
	printf "  system calls (strace -c -f): route add: ipmpls %s, ip %s; -V: ipmpls %s, ip %s\n", sc_am, sc_ai, sc_vm, sc_vi
	diag_head = 0
	diag("show", "ipmpls show", "show-ipmpls")
	diag("show", "raw reader", "show-raw")
	diag("flush", "ipmpls flush", "flush-ipmpls")
	diag("flush", "raw flusher", "flush-raw")
	diag("flush", "raw flusher, ACKs", "flush-rawack")
	printf "\npeak RSS (KiB): ipmpls -batch %s, show %s; library API %s; libnl-route %s; pyroute2 %s\n", rss_i, rss_s, rss_la, rss_nl, rss_py
	printf "                ip -batch %s, show %s\n", rss_ib, rss_is
}' "$OUT/raw"
