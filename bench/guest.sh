# bench/guest.sh: the benchmark itself, run inside the user-mode-linux guest by bench/run.sh
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <-> eth1p,
# platform_labels 1048575; its nlmon0 is set down so that no netlink tap
# copies every message); every route is "L as L via inet 192.168.30.102
# dev eth1" for labels 16..16+N-1.
# usage (through uml.sh): sh bench/guest.sh N NLOOP OUTDIR [NPY]
# NPY: routes for pyroute2 (N; fewer on a busy host, the row is then scaled)
# BENCH_SKIP: step names not to run (e.g. "install-pyroute2 install-nlroute");
# IPMPLS_BASE: another ipmpls (e.g. an older build) whose -batch and
# one-process-per-route loop run as steps *-base in the same run;
# LOOP_ROUNDS: the rounds the NLOOP lines of the loops are split into (5)
# Writes OUTDIR/raw (one line per step: NAME SECONDS ROUTES-IN-TABLE-AFTER RC),
# OUTDIR/rss.STEP (peak RSS in KiB, seconds, page faults), OUTDIR/loops
# (every round of the loops) and OUTDIR/strace.* (strace -c tables);
# bench/run.sh makes the table.
. testsuite/lab/labns.sh
N=$1
NLOOP=$2
OUT=$3
NPY=${4:-$N}
: "${LOOP_ROUNDS:=5}"
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
RSS=$OUT/rss
RAW=$OUT/rawsend
GW=192.168.30.102
BATCH=/tmp/bench.batch
TMPOUT=/tmp/bench.out
NS=bench
PY=/usr/bin/python3

in_ns() { ip netns exec "$NS" "$@"; }

# count: the routes in the table (the raw dump reader: fast at any N)
count() { in_ns "$OUT/rawdump" -v || echo "?"; }

# step NAME CMD...: runs CMD in the namespace under bench/rss.c, which
# times it (leaving out ip netns exec) and writes its peak RSS to
# OUT/rss.NAME; one line to OUT/raw.  Its output goes to the guest's tmpfs
# (a file on the host's disk through hostfs costs UML a host system call a
# write), then to OUT/NAME.out.
step() {
	_name=$1
	shift
	case " $BENCH_SKIP " in *" $_name "*) return 0 ;; esac
	rm -f "$OUT/rss.$_name"
	in_ns "$RSS" "$OUT/rss.$_name" "$@" > "$TMPOUT" 2> "$OUT/$_name.err"
	_rc=$?
	cp "$TMPOUT" "$OUT/$_name.out"
	_n=$(count)
	_s=$(awk '{ printf "%.3f", $2 }' "$OUT/rss.$_name" 2>/dev/null)
	echo "$_name ${_s:-0} $_n $_rc" >> "$OUT/raw"
	echo "bench: $_name: rc $_rc, $_n routes in the table"
}

# keep_best NAME: of NAME's lines in OUT/raw, keep one with the shortest
# time (and the last run's count and exit code)
keep_best() {
	awk -v n="$1" '$1 == n { if (!m || $2 < m) m = $2; l = $0 }
		$1 != n { print }
		END { if (l == "") exit; split(l, f, " "); print n, m, f[3], f[4] }' "$OUT/raw" \
		> "$OUT/raw.tmp" && mv "$OUT/raw.tmp" "$OUT/raw"
}

# diag_strace NAME CMD...: CMD's system calls (strace -c -f) to
# OUT/strace.NAME (for a flush the caller fills the table first)
diag_strace() {
	_d=$1
	shift
	command -v strace >/dev/null 2>&1 &&
		in_ns strace -f -c -o "$OUT/strace.$_d" "$@" >/dev/null 2>&1
}

# fill: the N routes, untimed (the raw sender, with ACKs)
fill() {
	in_ns "$RAW" 16 "$N" "$GW" eth1 ack >/dev/null 2>&1
}

# flush_ip: empty the MPLS table with Debian's ip, untimed
flush_ip() {
	in_ns ip -f mpls route flush dev eth1 >/dev/null 2>&1
}

# loop_round NAME CMD: one round of a loop, the shell running CMD once a
# line of the round's part of the loop file ("$l": the line), timed under
# rss (which counts the page faults of the shell and its processes); one
# line "NAME SECONDS MINFLT ROUTES-AFTER RC LINES" to OUT/loops
loop_round() {
	_name=$1
	case " $BENCH_SKIP " in *" $_name "*) return 0 ;; esac
	in_ns "$RSS" "$OUT/rss.$_name" sh -c "while read -r l; do $2 || exit 1; \
		done < $BATCH.chunk" > /dev/null 2> "$OUT/$_name.err"
	_rc=$?
	_n=$(count)
	awk -v n="$_name" -v c="$_n" -v rc="$_rc" \
		-v k="$_chunk" \
		'{ print n, $2, $3, c, rc, k; exit }' "$OUT/rss.$_name" >> "$OUT/loops"
	flush_ip
}

# loop_best NAME CHUNK: the fastest of NAME's rounds (CHUNK lines each) to
# OUT/raw, its time and route count scaled to the whole loop (NLOOP
# lines); a failed round's count and code win
loop_best() {
	awk -v n="$1" -v k="$(awk -v a="$NLOOP" -v b="$2" \
		'BEGIN { print a / b }')" '$1 == n {
			if (m == "" || $2 < m) { m = $2; c = $4 * k }
			if ($5 != 0) { rc = $5; c = $4 } }
		END { if (m != "") print n, m * k, c, rc + 0 }' "$OUT/loops" \
		>> "$OUT/raw"
}

# loops: one process per route, as scripts call ip.  LOOP_ROUNDS rounds of
# NLOOP/LOOP_ROUNDS lines, the tools interleaved in each round (A B C A B
# C: the host is shared), the fastest round of each kept.  The floors: a
# static binary that does nothing (OUT/nop) and /bin/true (the dynamic
# loader and libc), in the same loop.
loops() {
	_chunk=$((NLOOP / LOOP_ROUNDS))
	[ "$_chunk" -gt 0 ] || _chunk=1
	head -n "$_chunk" "$BATCH" > "$BATCH.chunk"
	_r=0
	while [ $_r -lt "$LOOP_ROUNDS" ]; do
		[ -x "$OUT/nop" ] && loop_round loop-floor "$OUT/nop"
		loop_round loop-true /bin/true
		loop_round install-loop "ip -f mpls \$l"
		loop_round install-loop-ipmpls "$IPMPLS -f mpls \$l"
		[ -n "$IPMPLS_BASE" ] &&
			loop_round install-loop-ipmpls-base "$IPMPLS_BASE -f mpls \$l"
		_r=$((_r + 1))
	done
	for _l in loop-floor loop-true install-loop install-loop-ipmpls \
		install-loop-ipmpls-base; do
		loop_best $_l "$_chunk"
	done
	rm -f "$BATCH.chunk"
}

# startup TOOL CMD: wall time of 100 runs of CMD -V; strace -c of CMD -V
# and of one route add (label 16, on an empty table)
startup() {
	step "version-$1" sh -c "i=0; while [ \$i -lt 100 ]; do \
		$2 -V >/dev/null || exit 1; i=\$((i + 1)); done"
	if command -v strace >/dev/null 2>&1; then
		in_ns strace -f -c -o "$OUT/strace.version-$1" $2 -V >/dev/null
		in_ns strace -f -c -o "$OUT/strace.add-$1" \
			$2 -f mpls route add 16 as 16 via inet $GW dev eth1
		in_ns strace -f -o "$OUT/strace.trace-add-$1" \
			$2 -f mpls route add 17 as 17 via inet $GW dev eth1
	fi
	flush_ip
}

: > "$OUT/raw"
: > "$OUT/loops"
rm -f "$OUT"/strace.* "$OUT"/rss.*
labns_setup "$NS" >/dev/null 2>&1 || { echo "bench: labns_setup failed"; exit 1; }
in_ns ip link set nlmon0 down
awk -v n="$N" -v gw="$GW" 'BEGIN { for (i = 0; i < n; i++)
	printf "route add %d as %d via inet %s dev eth1\n", 16 + i, 16 + i, gw }' \
	> "$BATCH"

# the installs compared with each other: INSTALL_ROUNDS rounds (5), the
# tools interleaved in each (the host's load and the kernel's state alike
# for all), the fastest of each kept; first one untimed fill and flush (the
# first table after boot costs the kernel more than any later one)
fill
flush_ip
_r=0
while [ $_r -lt "${INSTALL_ROUNDS:-5}" ]; do
	step install-ipmpls "$IPMPLS" -f mpls -batch "$BATCH"
	flush_ip
	step install-ipmpls-noack "$IPMPLS" -noack -f mpls -batch "$BATCH"
	flush_ip
	if [ -n "$IPMPLS_BASE" ]; then
		step install-ipmpls-base "$IPMPLS_BASE" -f mpls -batch "$BATCH"
		flush_ip
	fi
	step install-raw "$RAW" 16 "$N" "$GW" eth1
	flush_ip
	step install-rawack "$RAW" 16 "$N" "$GW" eth1 ack
	flush_ip
	step install-libapi "$OUT/libapi" 16 "$N" "$GW" eth1
	flush_ip
	_r=$((_r + 1))
done
for _s in install-ipmpls install-ipmpls-noack install-ipmpls-base \
	install-raw install-rawack install-libapi; do
	keep_best $_s
done
# show: the same full table, ipmpls and the raw reader interleaved
fill
_r=0
while [ $_r -lt "${INSTALL_ROUNDS:-5}" ]; do
	step show-ipmpls "$IPMPLS" -f mpls route show
	step show-raw "$OUT/rawdump"
	_r=$((_r + 1))
done
keep_best show-ipmpls
keep_best show-raw
step show-ip ip -f mpls route show
# where show's time goes: its system calls
diag_strace show-ipmpls "$IPMPLS" -f mpls route show
diag_strace show-raw "$OUT/rawdump"
# flushes: each REPEAT times from a full table, the shortest kept
_r=0
while [ $_r -lt "${REPEAT:-3}" ]; do
	[ $_r -gt 0 ] && fill
	step flush-ipmpls "$IPMPLS" -f mpls route flush dev eth1
	fill
	step flush-raw "$OUT/rawflush"
	fill
	step flush-rawack "$OUT/rawflush" ack
	_r=$((_r + 1))
done
keep_best flush-ipmpls
keep_best flush-raw
keep_best flush-rawack
# where flush's time goes, from a full table each time
for _f in "flush-ipmpls $IPMPLS -f mpls route flush dev eth1" \
	"flush-raw $OUT/rawflush" "flush-rawack $OUT/rawflush ack"; do
	fill
	diag_strace $_f
done
flush_ip
step install-ip ip -f mpls -batch "$BATCH"
step flush-ip ip -f mpls route flush dev eth1
flush_ip
step install-nlroute "$OUT/nlroute" 16 "$N" "$GW" eth1
flush_ip
step install-pyroute2 "$PY" \
	"$TOP/bench/pyroute2_add.py" 16 "$NPY" "$GW" eth1
flush_ip
loops
startup ip ip
startup ipmpls "$IPMPLS"
labns_cleanup "$NS"
rm -f "$BATCH" "$TMPOUT"
exit 0
