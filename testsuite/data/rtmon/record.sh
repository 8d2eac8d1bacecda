# testsuite/data/rtmon/record.sh: records seed-r2.rtmon (a saved netlink stream) and
# what Debian's ip 6.1 prints for it; run on the host as
#     sh testsuite/lab/uml.sh testsuite/data/rtmon/record.sh
# Topology: topo.sh's seed network (host1 - r1 - r2 - r3 - host2, its routes);
# `rtmon file` (Debian's iproute2 6.1) saves r2's changes while the script
# adds and deletes MPLS routes (one path, multipath, an inet6 via), IPv4 and
# IPv6 routes with encap mpls, an address, toggles MPLS input and takes eth2
# down and up.  Writes, beside this file: seed-r2.rtmon, and TZ=UTC
# `ip monitor file` -> seed-r2.ip, `ip -f mpls monitor file` -> seed-r2.ip-mpls.
. testsuite/lab/topo.sh
D=$TOP/testsuite/data/rtmon
topo_setup >/dev/null 2>&1 && topo_routes >/dev/null 2>&1 || {
	echo "record: the seed network could not be built"
	exit 1
}
r2() { ip -n r2 "$@"; }
ip netns exec r2 rtmon file $D/seed-r2.rtmon &
rp=$!
sleep 1
r2 -f mpls route add 600 as 610 via inet 192.168.30.101 dev eth1
r2 -f mpls route add 700 nexthop as 710 via inet 192.168.30.101 dev eth1 \
	nexthop as 720 via inet 192.168.40.102 dev eth2
r2 route add 10.9.9.0/24 encap mpls 800/801 via 192.168.30.101 dev eth1
r2 -6 addr add 2001:db8:30::102/64 dev eth1 nodad
r2 -6 route add 2001:db8:99::/64 encap mpls 900 via 2001:db8:30::101 dev eth1
r2 -f mpls route add 1000 as 1010 via inet6 2001:db8:30::101 dev eth1
r2 -f mpls route del 600
r2 -f mpls route del 700
r2 -f mpls route del 1000
r2 route del 10.9.9.0/24
r2 -6 route del 2001:db8:99::/64
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=0
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1
r2 link set eth2 down
r2 link set eth2 up
sleep 1
kill $rp
wait $rp
TZ=UTC ip monitor file $D/seed-r2.rtmon > $D/seed-r2.ip
TZ=UTC ip -f mpls monitor file $D/seed-r2.rtmon > $D/seed-r2.ip-mpls
topo_cleanup
wc -c $D/seed-r2.rtmon
wc -l $D/seed-r2.ip $D/seed-r2.ip-mpls
