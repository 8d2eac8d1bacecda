# testsuite/lab/t_ops.sh: netconf, MPLS statistics, monitor and check on the real MPLS kernel
# Topology: topo.sh's host1 - r1 - r2 - r3 - host2 with the seed's routes
# (netconf, stats, check, a monitor beside ip's), then labns.sh's one
# namespace "tops" for the monitor under a batch of OPS_MON_N (10000) adds
# and as many deletes.  Compares with Debian's ip 6.1 byte for byte where
# ipmpls prints as it does (`ip -f mpls netconf`, `ip stats show ... group
# afstats subgroup mpls`).  Run inside the UML guest (guest.sh), cwd the
# project's top; prints PASS/FAIL/SKIP lines.
. testsuite/lab/topo.sh
. testsuite/lab/labns.sh
: "${IPMPLS:=${BUILD:-.}/ip/ipmpls}"
N=${OPS_MON_N:-10000}
T=/tmp/t_ops
rm -rf $T
mkdir -p $T

ok() {
	if [ "$2" = 0 ]; then echo "PASS lab-ops-$1"; else echo "FAIL lab-ops-$1: $3"; fi
}

# same NAME IPMPLS-ARGS -- IP-ARGS: identical stdout and exit code
same() {
	_n=$1
	shift
	_a=
	while [ "$1" != -- ]; do _a="$_a $1"; shift; done
	shift
	"$IPMPLS" $_a > $T/$_n.mine 2>&1; _r1=$?
	ip "$@" > $T/$_n.ip 2>&1; _r2=$?
	[ $_r1 = $_r2 ] && cmp -s $T/$_n.mine $T/$_n.ip
	ok "$_n" $? "rc $_r1/$_r2; ipmpls: $(head -c 300 $T/$_n.mine | tr '\n' '|') ip: $(head -c 300 $T/$_n.ip | tr '\n' '|')"
}

if ! [ -x "$IPMPLS" ] && ! command -v "$IPMPLS" >/dev/null; then
	echo "SKIP lab-ops: $IPMPLS not built"
	exit 0
fi
if ! topo_setup >/dev/null 2>&1 || ! topo_routes >/dev/null 2>&1; then
	echo "FAIL lab-ops: the seed's network could not be built"
	topo_cleanup
	exit 0
fi

# ---- netconf
same netconf -n r2 netconf -- -n r2 -f mpls netconf
same netconf-dev -n r2 netconf show dev eth1 -- -n r2 -f mpls netconf show dev eth1
same netconf-json -n r2 -j netconf -- -n r2 -j -f mpls netconf
same netconf-json-pretty -n r2 -j -p netconf -- -n r2 -j -p -f mpls netconf
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=0
same netconf-input-off -n r2 netconf show dev eth1 -- -n r2 -f mpls netconf show dev eth1
grep -qx 'mpls eth1 input off ' $T/netconf-input-off.mine
ok netconf-input-off-text $? "$(cat $T/netconf-input-off.mine)"
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1
"$IPMPLS" -n r2 netconf show dev nosuch > $T/nc.out 2>&1
[ $? = 255 ] && grep -q 'Device "nosuch" does not exist.' $T/nc.out
ok netconf-bad-dev $? "$(cat $T/nc.out)"

# ---- stats: the seed's ping counted on each of r2's links
"$IPMPLS" -n r2 -j stats show > $T/before.json
ip netns exec host1 ping -c 3 -i 0.2 -W 2 10.4.4.2 > $T/ping 2>&1
ok stats-ping $? "$(tail -n 2 $T/ping | tr '\n' ' ')"
"$IPMPLS" -n r2 -j stats show > $T/after.json
# packets counter of DEV's rx or tx in a JSON file
pk() {
	sed 's/{"ifindex"/\n&/g' "$1" | grep "\"ifname\":\"$2\"" |
		sed "s/.*\"$3\":{\"bytes\":[0-9]*,\"packets\":\([0-9]*\).*/\1/"
}
for d in eth1 eth2; do
	for x in rx tx; do
		delta=$(( $(pk $T/after.json $d $x) - $(pk $T/before.json $d $x) ))
		[ "$delta" = 3 ]
		ok "stats-$d-$x-3" $? "delta $delta, want 3 (the ping's labelled packets)"
	done
done
same stats-dev -n r2 stats show dev eth1 group afstats subgroup mpls -- -n r2 stats show dev eth1 group afstats subgroup mpls
same stats-all -n r2 stats show group afstats subgroup mpls -- -n r2 stats show group afstats subgroup mpls
same stats-json -n r2 -j stats show group afstats subgroup mpls -- -n r2 -j stats show group afstats subgroup mpls
same stats-json-pretty -n r2 -j -p stats show dev eth2 group afstats subgroup mpls -- -n r2 -j -p stats show dev eth2 group afstats subgroup mpls
"$IPMPLS" -n r2 stats show group link > $T/st.out 2>&1
[ $? = 255 ] && grep -q '"link"' $T/st.out
ok stats-bad-group $? "$(cat $T/st.out)"

# ---- monitor beside ip's: the same changes, ip 6.1's text (runs of
# spaces aside: 4.4's route text spaces some words differently)
"$IPMPLS" -n r2 monitor > $T/mon-mine 2>&1 &
p1=$!
ip -n r2 monitor route netconf > $T/mon-ip 2>&1 &
p2=$!
"$IPMPLS" -n r2 -ts monitor route > $T/mon-ts 2>&1 &
p3=$!
sleep 1
ip -n r2 -f mpls route add 300 as 310 via inet 192.168.30.101 dev eth1
ip -n r2 route add 10.9.9.0/24 encap mpls 500 via 192.168.30.101 dev eth1
ip -n r2 -f mpls route del 300
ip -n r2 route del 10.9.9.0/24
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=0
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1
sleep 1
kill $p1 $p2 $p3
wait $p1 $p2 $p3 2>/dev/null
tr -s ' ' < $T/mon-mine > $T/mon-mine.s
tr -s ' ' < $T/mon-ip > $T/mon-ip.s
[ "$(wc -l < $T/mon-mine)" = 6 ] && cmp -s $T/mon-mine.s $T/mon-ip.s
ok monitor-as-ip $? "ipmpls: $(tr '\n' '|' < $T/mon-mine) ip: $(tr '\n' '|' < $T/mon-ip)"
grep -q 'Deleted 300 as to 310 via inet 192.168.30.101 dev eth1' $T/mon-mine
ok monitor-deleted $? "$(tr '\n' '|' < $T/mon-mine)"
[ "$(grep -c '^\[[0-9-]*T[0-9:]*\.[0-9]\{6\}\] ' $T/mon-ts)" = 4 ]
ok monitor-tshort $? "$(tr '\n' '|' < $T/mon-ts)"

# ---- check on the working seed and on broken variants
for r in r1 r2 r3; do
	"$IPMPLS" check -n $r > $T/ck.$r 2>&1
	rc=$?
	[ $rc = 0 ] && grep -qx "$r: ready" $T/ck.$r
	ok check-ready-$r $? "rc $rc: $(tr '\n' '|' < $T/ck.$r)"
done
cp $T/ck.r2 $T/check-working.txt
# broken: SYSCTL VALUE NS WANT-TEXT
broken() {
	_old=$(ip netns exec "$3" sysctl -n "$1")
	ip netns exec "$3" sysctl -qw "$1=$2"
	"$IPMPLS" check -n "$3" > $T/ck.out 2>&1
	_rc=$?
	ip netns exec "$3" sysctl -qw "$1=$_old"
	[ $_rc = 1 ] && grep -qF "$4" $T/ck.out && grep -q '    fix: ip netns exec' $T/ck.out
	ok "check-$3-$1" $? "rc $_rc: $(tr '\n' '|' < $T/ck.out)"
	cat $T/ck.out >> $T/check-broken.txt
}
broken net.mpls.conf.eth1.input 0 r2 "r2: net.mpls.conf.eth1.input is 0"
broken net.mpls.conf.eth2.input 0 r2 "net.mpls.conf.eth2.input is 0"
broken net.ipv4.ip_forward 0 r1 "r1: net.ipv4.ip_forward is 0"
broken net.mpls.conf.eth1.input 0 r3 "r3: net.mpls.conf.eth1.input is 0"
# platform_labels 0 drops the routes: restore them afterwards
ip netns exec r2 sysctl -qw net.mpls.platform_labels=0
"$IPMPLS" -n r2 -j check > $T/ck.json 2>&1
rc=$?
[ $rc = 1 ] && grep -q '"ready":false' $T/ck.json &&
	grep -q '"code":"platform-labels-zero"' $T/ck.json
ok check-platform-zero-json $? "rc $rc: $(cat $T/ck.json)"
ip netns exec r2 sysctl -qw net.mpls.platform_labels=1048575
# strict rp_filter: a warning, still ready
ip netns exec r1 sysctl -qw net.ipv4.conf.eth1.rp_filter=1
"$IPMPLS" check -n r1 > $T/ck.out 2>&1
rc=$?
ip netns exec r1 sysctl -qw net.ipv4.conf.eth1.rp_filter=0
[ $rc = 0 ] && grep -q 'r1: warning: strict reverse-path filtering on eth1' $T/ck.out
ok check-rp-filter-warning $? "rc $rc: $(tr '\n' '|' < $T/ck.out)"
"$IPMPLS" check -n r2 dev eth1 dev nosuch > $T/ck.out 2>&1
[ $? = 1 ] && grep -q 'device nosuch does not exist' $T/ck.out
ok check-no-device $? "$(tr '\n' '|' < $T/ck.out)"
"$IPMPLS" check -n nosuchns > $T/ck.out 2>&1
[ $? = 2 ]
ok check-no-netns-2 $? "$(tr '\n' '|' < $T/ck.out)"
topo_cleanup

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
