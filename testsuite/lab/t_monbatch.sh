# testsuite/lab/t_monbatch.sh: a monitor under a batch of N route adds and N/2 deletes
# Topology: labns.sh's one namespace "tops" (eth1 192.168.30.101/24 ...).
# `ipmpls monitor mpls` runs while `ipmpls -f mpls -batch` adds N swap routes
# (1000 ... 1000+N-1) and deletes the first N/2: the monitor must print
# every change exactly once and in order, or (when the kernel dropped
# changes: "No buffer space") say so and, with -resync, print "Resync" and
# the table, so that the table rebuilt from its output equals the kernel's.
# A second run with a small buffer (-rcvbuf 32768) must overrun and resync.
# N is $1, or OPS_MON_N, or 10000 (make check); `make check-monitor-100k`
# runs it with 100000 alone.  Prints PASS/FAIL lines and, per run, a line
# "  monitor OPTIONS: batch of L lines (exit E, S s), P lines printed, ...".
# Time limit: 600 s
. testsuite/lab/labns.sh
: "${IPMPLS:=${BUILD:-.}/ip/ipmpls}"
N=${1:-${OPS_MON_N:-10000}}
T=/tmp/t_monbatch
rm -rf $T
mkdir -p $T

ok() {
	if [ "$2" = 0 ]; then echo "PASS lab-ops-$1"; else echo "FAIL lab-ops-$1: $3"; fi
}

if ! [ -x "$IPMPLS" ] && ! command -v "$IPMPLS" >/dev/null; then
	echo "SKIP lab-monbatch: $IPMPLS not built"
	exit 0
fi
# ---- monitor under a batch of N adds, then deletes of the first half
# (N/2 routes stay): every change exactly once and in order; and with a
# small buffer (-rcvbuf 32768) the overrun reported and, with -resync, the
# table rebuilt from the output equal to the kernel's
if ! labns_setup tops >/dev/null 2>&1; then
	echo "FAIL lab-ops-monitor-batch: labns_setup"
	exit 0
fi
H=$((N / 2))
awk -v n=$N -v h=$H 'BEGIN {
	for (i = 0; i < n; i++)
		printf "route add %d as %d via inet 192.168.30.102 dev eth1\n", 1000 + i, 1000 + i
	for (i = 0; i < h; i++)
		printf "route del %d\n", 1000 + i
}' > $T/batch
awk -v n=$N -v h=$H 'BEGIN { for (i = 0; i < n; i++) print "+" 1000 + i
	for (i = 0; i < h; i++) print "-" 1000 + i }' > $T/mb.want

# monitor_batch NAME MONITOR-OPTIONS...: the batch under a monitor; sets
# lines, brc, final (routes rebuilt from the output), kernel (routes held)
monitor_batch() {
	_name=$1
	shift
	"$IPMPLS" -n tops "$@" monitor mpls > $T/$_name.out 2> $T/$_name.err &
	_mp=$!
	sleep 1
	_t0=$(date +%s)
	"$IPMPLS" -n tops -f mpls -batch $T/batch > $T/batch.out 2>&1
	brc=$?
	_t1=$(date +%s)
	# wait until the output stops growing for 10 s (at most 300 s)
	_i=0 _last=-1 _same=0
	while [ $_i -lt 300 ] && [ $_same -lt 10 ]; do
		_cur=$(stat -c %s $T/$_name.out)
		if [ "$_cur" = "$_last" ]; then _same=$((_same + 1)); else _same=0; fi
		_last=$_cur
		sleep 1
		_i=$((_i + 1))
	done
	kill $_mp
	wait $_mp 2>/dev/null
	lines=$(wc -l < $T/$_name.out)
	awk '$1 == "Resync" { print "="; next }
		$1 == "Deleted" { print "-" $2; next } { print "+" $1 }' \
		$T/$_name.out > $T/$_name.ev
	awk '/^=/ { delete t; next } /^\+/ { t[substr($0, 2)] = 1; next }
		/^-/ { delete t[substr($0, 2)] }
		END { for (k in t) print k }' $T/$_name.ev | sort -n > $T/$_name.final
	"$IPMPLS" -n tops -f mpls route show | awk '{ print $1 }' | sort -n > $T/$_name.kernel
	final=$(wc -l < $T/$_name.final)
	kernel=$(wc -l < $T/$_name.kernel)
	_over=$(grep -c 'No buffer space' $T/$_name.err)
	echo "  monitor $*: batch of $((N + H)) lines (exit $brc, $((_t1 - _t0)) s), $lines lines printed, $_over overrun(s), $(grep -c '^Resync$' $T/$_name.out) resync(s), table rebuilt $final routes, kernel $kernel"
	awk '{ print "route del " $1 }' $T/$_name.kernel > $T/undo
	"$IPMPLS" -n tops -f mpls -batch $T/undo >/dev/null 2>&1
}

monitor_batch mb -resync
if grep -q 'No buffer space' $T/mb.err; then
	[ $brc = 0 ] && grep -q '^Resync$' $T/mb.out && cmp -s $T/mb.final $T/mb.kernel
	ok monitor-batch-resync $? "table rebuilt from the events differs from the kernel's"
else
	[ $brc = 0 ] && cmp -s $T/mb.ev $T/mb.want
	ok monitor-batch-exact $? "$lines lines for $((N + H)) changes, exit $brc"
fi
monitor_batch small -rcvbuf 32768 -resync
[ $brc = 0 ] && grep -q '^netlink receive error No buffer space available (105)$' $T/small.err &&
	grep -q '^Resync$' $T/small.out && [ "$kernel" = $H ] &&
	cmp -s $T/small.final $T/small.kernel
ok monitor-small-buffer-resync $? "exit $brc, stderr $(head -n 2 $T/small.err | tr '\n' '|'), rebuilt $final routes, kernel $kernel"
labns_cleanup tops
exit 0
