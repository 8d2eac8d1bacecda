# bench/showflush.sh: show and flush only, against their ceilings, in one guest run
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <->
# eth1p, platform_labels 1048575, nlmon0 down), as bench/guest.sh; every
# route is "L as L via inet 192.168.30.102 dev eth1" for labels 16..16+N-1.
# usage (host): sh testsuite/lab/uml.sh bench/showflush.sh N OUTDIR [IPMPLS...]
# OUTDIR (seen by the guest: not under /tmp) must hold rss, rawsend,
# rawdump and rawflush built from bench/ (bench/run.sh builds them into
# bench/out).  Each IPMPLS (default: the
# build's) is timed against the same table, REPEAT (5) rounds with every
# tool taking its turn in each round, so that a change in the host's load
# hits all of them alike; the shortest time of each is printed:
#   show   TOOL SECONDS   (TOOL: ipmpls binary number 1, 2, ... or "raw")
#   flush  TOOL SECONDS   (and "raw", "rawack": the raw flusher)
# Made to compare an ipmpls before and after a change in one run.
# STEPS: "show flush" (default), or one of them.
. testsuite/lab/labns.sh
N=$1
OUT=$2
shift 2
[ $# -gt 0 ] || set -- "$TOP/$BUILD/ip/ipmpls"
GW=192.168.30.102
NS=bench
TMPOUT=/tmp/showflush.out
RES=/tmp/showflush.times

in_ns() { ip netns exec "$NS" "$@"; }
fill() { in_ns "$OUT/rawsend" 16 "$N" "$GW" eth1 ack >/dev/null 2>&1; }
count() { in_ns "$OUT/rawdump" -v || echo "?"; }

# timed KIND TOOL CMD...: one run; its seconds appended to RES
timed() {
	_k=$1 _t=$2
	shift 2
	in_ns "$OUT/rss" /tmp/showflush.rss "$@" > "$TMPOUT" 2>/dev/null ||
		echo "showflush: $_k $_t failed" >&2
	echo "$_k $_t $(awk '{ print $2 }' /tmp/showflush.rss)" >> "$RES"
}

for t in rss rawsend rawdump rawflush; do
	[ -x "$OUT/$t" ] || { echo "showflush: no $OUT/$t" >&2; exit 1; }
done
labns_setup "$NS" >/dev/null 2>&1 || { echo "showflush: labns_setup failed"; exit 1; }
in_ns ip link set nlmon0 down
: > "$RES"
fill
echo "showflush: N=$N, $(count) routes in the table"
STEPS=${STEPS:-show flush}
r=0
case " $STEPS " in *" show "*) ;; *) r=${REPEAT:-5} ;; esac
while [ $r -lt "${REPEAT:-5}" ]; do
	i=1
	for ipm in "$@"; do
		timed show $i "$ipm" -f mpls route show
		[ $r = 0 ] && echo "showflush: ipmpls $i: $(wc -l < "$TMPOUT") lines"
		i=$((i + 1))
	done
	timed show raw "$OUT/rawdump"
	r=$((r + 1))
done
if command -v strace >/dev/null 2>&1 && [ "$STEPS" != flush ]; then
	in_ns strace -c -o "$OUT/strace.showflush-1" "$1" -f mpls route show \
		> /dev/null
	in_ns strace -c -o "$OUT/strace.showflush-raw" "$OUT/rawdump"
fi
r=0
case " $STEPS " in *" flush "*) ;; *) r=${REPEAT:-5} ;; esac
while [ $r -lt "${REPEAT:-5}" ]; do
	i=1
	for ipm in "$@"; do
		timed flush $i "$ipm" -f mpls route flush dev eth1
		[ "$(count)" = 0 ] || echo "showflush: ipmpls $i left routes" >&2
		fill
		i=$((i + 1))
	done
	timed flush raw "$OUT/rawflush"
	fill
	timed flush rawack "$OUT/rawflush" ack
	fill
	r=$((r + 1))
done
awk '{ k = $1 " " $2; if (!(k in m) || $3 < m[k]) m[k] = $3; if (!(k in o)) { o[k] = ++n; ks[n] = k } }
	END { for (i = 1; i <= n; i++) printf "%s %.4f\n", ks[i], m[ks[i]] }' "$RES"
labns_cleanup "$NS"
rm -f "$TMPOUT" "$RES" /tmp/showflush.rss
exit 0
