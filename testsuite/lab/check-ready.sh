#!/bin/sh
# testsuite/lab/check-ready.sh: says whether a namespace can forward MPLS, and if not, why
# Topology: none of its own; checks an existing namespace NS (e.g. topo.sh's r2).
# usage: sh testsuite/lab/check-ready.sh NS [DEV...]
# Checks: the mpls_router module (net.mpls sysctls present), mpls_iptunnel
# when NS has "encap mpls" routes, net.mpls.platform_labels > 0,
# net.ipv4.ip_forward on a router, and net.mpls.conf.DEV.input on the
# devices where labelled packets arrive: the DEVs given, or else every device
# that an MPLS route (push or swap) sends through, since the peer there
# answers with labels (the seed's paths are symmetric).
# Prints one line per problem ("NS: ..."), or "NS: ready"; exit 0 when ready,
# 1 when not, 2 on a usage error or a missing namespace.
ns=$1
[ -n "$ns" ] || { echo "usage: check-ready.sh NS [DEV...]" >&2; exit 2; }
shift
ip netns exec "$ns" true 2>/dev/null || { echo "$ns: no such network namespace"; exit 2; }
in_ns() {
	ip netns exec "$ns" "$@"
}
bad=0
say() {
	echo "$ns: $*"
	bad=1
}

if ! in_ns test -d /proc/sys/net/mpls; then
	say "module mpls_router is not loaded (no net.mpls sysctls): modprobe mpls_router"
	exit 1
fi
encap=$(ip -n "$ns" route show table all 2>/dev/null | grep -c 'encap mpls')
if [ "$encap" -gt 0 ] && [ ! -d /sys/module/mpls_iptunnel ]; then
	say "module mpls_iptunnel is not loaded, needed by $encap encap mpls route(s): modprobe mpls_iptunnel"
fi
pl=$(in_ns sysctl -n net.mpls.platform_labels)
if [ "$pl" = 0 ]; then
	say "net.mpls.platform_labels is 0: the kernel holds and forwards no labels"
fi
mplsroutes=$(ip -n "$ns" -f mpls route show 2>/dev/null)
if [ -n "$mplsroutes" ] || [ "$encap" -gt 0 ]; then
	[ "$(in_ns sysctl -n net.ipv4.ip_forward)" = 1 ] ||
		say "net.ipv4.ip_forward is 0: IPv4 packets are not forwarded"
fi
if [ $# = 0 ]; then
	# the devices of push (encap mpls) and swap (as) routes
	set -- $( { ip -n "$ns" route show table all | grep 'encap mpls'
		    ip -n "$ns" -f mpls route show | grep ' as '; } |
		sed -n 's/.* dev \([^ ]*\).*/\1/p' | sort -u)
fi
for dev in "$@"; do
	v=$(in_ns sysctl -n "net.mpls.conf.$dev.input" 2>/dev/null)
	if [ -z "$v" ]; then
		say "device $dev does not exist"
	elif [ "$v" = 0 ]; then
		say "net.mpls.conf.$dev.input is 0: labelled packets arriving on $dev are dropped"
	fi
done
[ $bad = 0 ] && echo "$ns: ready"
exit $bad
