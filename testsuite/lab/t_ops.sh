# testsuite/lab/t_ops.sh: netconf, MPLS statistics, monitor and check on the real MPLS kernel
# Topology: topo.sh's host1 - r1 - r2 - r3 - host2 with the seed's routes
# (netconf, stats, check, a monitor beside ip's, route get, monitor file;
# the monitor under a large batch is t_monbatch.sh).  Compares with
# Debian's ip 6.1 byte for byte where
# ipmpls prints as it does (`ip -f mpls netconf`, `ip stats show ... group
# afstats subgroup mpls`).  Run inside the UML guest (guest.sh), cwd the
# project's top; prints PASS/FAIL/SKIP lines.
. testsuite/lab/topo.sh
. testsuite/lab/labns.sh
: "${IPMPLS:=${BUILD:-.}/ip/ipmpls}"
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
mkdir -p $T/mf
ip netns exec r2 rtmon file $T/mf/live-r2.rtmon &
p4=$!
# rtmon joins the groups, then saves the links: wait for them (10 s at most)
i=0
while [ ! -s $T/mf/live-r2.rtmon ] && [ $i -lt 50 ]; do
	sleep 0.2
	i=$((i + 1))
done
sleep 1
ip -n r2 -f mpls route add 300 as 310 via inet 192.168.30.101 dev eth1
ip -n r2 route add 10.9.9.0/24 encap mpls 500 via 192.168.30.101 dev eth1
ip -n r2 -f mpls route del 300
ip -n r2 route del 10.9.9.0/24
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=0
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1
sleep 1
kill $p1 $p2 $p3 $p4
wait $p1 $p2 $p3 $p4 2>/dev/null
tr -s ' ' < $T/mon-mine > $T/mon-mine.s
tr -s ' ' < $T/mon-ip > $T/mon-ip.s
[ "$(wc -l < $T/mon-mine)" = 6 ] && cmp -s $T/mon-mine.s $T/mon-ip.s
ok monitor-as-ip $? "ipmpls: $(tr '\n' '|' < $T/mon-mine) ip: $(tr '\n' '|' < $T/mon-ip)"
grep -q 'Deleted 300 as to 310 via inet 192.168.30.101 dev eth1' $T/mon-mine
ok monitor-deleted $? "$(tr '\n' '|' < $T/mon-mine)"
[ "$(grep -c '^\[[0-9-]*T[0-9:]*\.[0-9]\{6\}\] ' $T/mon-ts)" = 4 ]
ok monitor-tshort $? "$(tr '\n' '|' < $T/mon-ts)"
# the same changes saved by rtmon: `monitor file` as `ip monitor file`
# (testsuite/golden/monitor_file.sh compares, as for the saved streams)
TZ=UTC ip monitor file $T/mf/live-r2.rtmon > $T/mf/live-r2.ip 2>&1
TZ=UTC ip -f mpls monitor file $T/mf/live-r2.rtmon > $T/mf/live-r2.ip-mpls 2>&1
grep -q '^Deleted 300 as to 310 via inet 192.168.30.101 dev eth1 $' $T/mf/live-r2.ip
ok monitor-file-recorded $? "$(head -c 300 $T/mf/live-r2.ip | tr '\n' '|')"
MF_DIR=$T/mf MF_PREFIX=lab-ops-monitor-file MF_STREAMS_ONLY=1 \
	IPMPLS=$IPMPLS sh testsuite/golden/monitor_file.sh

# ---- check on the working seed and on broken variants
for r in r1 r2 r3; do
	"$IPMPLS" check -n $r > $T/ck.$r 2>&1
	rc=$?
	[ $rc = 0 ] && grep -qx "$r: ready" $T/ck.$r && ! grep -q mpls_gso $T/ck.$r
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

# ---- mpls_gso missing: a warning with its fix, still ready (the lab
# loads it: unloaded here for the test, loaded again after)
if rmmod mpls_gso 2>/dev/null; then
	"$IPMPLS" check -n r2 > $T/ck.out 2>&1
	rc=$?
	insmod /usr/lib/uml/modules/$(uname -r)/kernel/net/mpls/mpls_gso.ko 2>/dev/null ||
		modprobe mpls_gso 2>/dev/null
	[ $rc = 0 ] && grep -q '^r2: warning: module mpls_gso is not loaded' $T/ck.out &&
		grep -q '    fix: ip netns exec r2 modprobe mpls_gso' $T/ck.out &&
		grep -qx 'r2: ready' $T/ck.out
	ok check-no-mpls-gso $? "rc $rc: $(tr '\n' '|' < $T/ck.out)"
	cat $T/ck.out >> $T/check-broken.txt
else
	echo "SKIP lab-ops-check-no-mpls-gso: mpls_gso cannot be unloaded here"
fi

# ---- check: an MPLS route whose via is not on its device's link
# broken_via NAME ROUTE WANT-FIX: ROUTE added on r2, check says not ready
# with WANT-FIX; after the fix, ready again
broken_via() {
	ip -n r2 -f mpls route add $2
	"$IPMPLS" check -n r2 > $T/ck.out 2>&1
	_rc=$?
	cat $T/ck.out >> $T/check-broken.txt
	[ $_rc = 1 ] && grep -q "^r2: .*no connected route puts" $T/ck.out &&
		grep -qxF "    fix: ip netns exec r2 $3" $T/ck.out
	ok "check-via-$1" $? "rc $_rc: $(tr '\n' '|' < $T/ck.out)"
	ip netns exec r2 $3
	"$IPMPLS" check -n r2 > $T/ck.out 2>&1
	_rc=$?
	[ $_rc = 0 ] && grep -qx 'r2: ready' $T/ck.out
	ok "check-via-$1-fixed" $? "rc $_rc: $(tr '\n' '|' < $T/ck.out)"
}
# a swap whose via is on no subnet of r2: declared on eth1's link
broken_via off-subnet "500 as 510 via inet 10.99.0.1 dev eth1" \
	"ip route add 10.99.0.1 dev eth1"
ip -n r2 route del 10.99.0.1 dev eth1
ip -n r2 -f mpls route del 500
# a swap sent through eth1 to r3's address (eth2's link): through eth2
broken_via wrong-dev "501 as 511 via inet 192.168.40.102 dev eth1" \
	"ip -f mpls route replace 501 as 511 via inet 192.168.40.102 dev eth2"
ip -n r2 -f mpls route del 501

# ---- route get: the nexthop the kernel picks, fibmatch, as to, no route
# (ip 6.1 beside; the answer's rtm_tos is uninitialised kernel memory, so
# " tos 0x.." is taken out of both)
ip -n r2 -f mpls route add 300 nexthop as 310 via inet 192.168.30.101 dev eth1 \
	nexthop as 320 via inet 192.168.40.102 dev eth2
# same_get NAME ARGS...: ipmpls -n r2 -f mpls route get ARGS as ip 6.1
same_get() {
	_n=$1
	shift
	"$IPMPLS" -n r2 -f mpls route get "$@" > $T/$_n.mine 2>&1; _r1=$?
	ip -n r2 -f mpls route get "$@" > $T/$_n.ip 2>&1; _r2=$?
	sed -i 's/ tos 0x[0-9a-f]*//' $T/$_n.mine $T/$_n.ip
	[ $_r1 = $_r2 ] && cmp -s $T/$_n.mine $T/$_n.ip
	ok "get-$_n" $? "rc $_r1/$_r2; ipmpls: $(tr '\n' '|' < $T/$_n.mine) ip: $(tr '\n' '|' < $T/$_n.ip)"
}
same_get single 100
same_get fibmatch fibmatch 100
same_get multipath 300
grep -qx '300 as to 310 via inet 192.168.30.101 dev eth1 ' $T/multipath.mine
ok get-multipath-first $? "$(cat $T/multipath.mine)"
same_get as-to-500 as to 500 300
grep -qx '300 as to 320 via inet 192.168.40.102 dev eth2 ' $T/as-to-500.mine
ok get-as-to-picks-second $? "$(cat $T/as-to-500.mine)"
same_get as-to-502 as to 502 300
grep -qx '300 as to 310 via inet 192.168.30.101 dev eth1 ' $T/as-to-502.mine
ok get-as-to-picks-first $? "$(cat $T/as-to-502.mine)"
same_get as-stack as 16/17/18 300
same_get unreachable 999
grep -qx 'RTNETLINK answers: Network is unreachable' $T/unreachable.mine
ok get-unreachable-text $? "$(cat $T/unreachable.mine)"
same_get fibmatch-unreachable fibmatch 999
# fibmatch on the multipath route: the whole route (4.5's nexthop text;
# the same words as ip 6.1's)
"$IPMPLS" -n r2 -f mpls route get fibmatch 300 > $T/fm.mine 2>&1
rc=$?
ip -n r2 -f mpls route get fibmatch 300 > $T/fm.ip 2>&1
"$IPMPLS" -n r2 -f mpls route show 300 > $T/fm.show 2>&1
[ $rc = 0 ] && cmp -s $T/fm.mine $T/fm.show && [ "$(wc -l < $T/fm.mine)" = 3 ] &&
	[ "$(tr -s ' ' < $T/fm.mine | sed 's/ $//')" = "$(tr -s ' ' < $T/fm.ip | sed 's/ $//')" ]
ok get-fibmatch-multipath $? "rc $rc; ipmpls: $(tr '\n' '|' < $T/fm.mine) ip: $(tr '\n' '|' < $T/fm.ip)"
ip -n r2 -f mpls route del 300
topo_cleanup

exit 0
