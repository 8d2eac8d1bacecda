# testsuite/lab/failures.sh: MPLS failure modes on the real kernel, run inside the UML guest
# Topology: topo.sh's host1 - r1 - r2 - r3 - host2 with the seed's routes
# (added with ipmpls), then broken at r2 one way at a time and repaired:
# MPLS input off on r2's ingress device, labels beyond platform_labels,
# platform_labels 0.  Each break must stop the ping, and `ipmpls check` must
# say why where a sysctl is the cause; ipmpls must refuse what the kernel
# refuses (exit 2) and leave the table as it was.
# usage (in the guest): sh testsuite/lab/failures.sh
# Prints "PASS/FAIL lab-fail-NAME" per check.
. testsuite/lab/topo.sh
W=/tmp/failures.$$
mkdir -p "$W"

check() {
	if [ "$2" = 0 ]; then
		echo "PASS lab-fail-$1"
	else
		echo "FAIL lab-fail-$1: $3"
	fi
}

pings() {
	ip netns exec host1 ping -c 1 -W 1 10.4.4.2 >/dev/null 2>&1
}

# ready NS WANT-RC [TEXT]: `ipmpls check -n NS` exits WANT-RC and says TEXT
ready() {
	"$IPMPLS" check -n "$1" > "$W/ready" 2>&1
	_rc=$?
	[ "$_rc" = "$2" ] || return 1
	[ -z "$3" ] || grep -qF "$3" "$W/ready"
}

# refused ARGS...: ipmpls exits 2 with a message and nothing changes
refused() {
	ip -n r2 -f mpls route show > "$W/before"
	"$IPMPLS" "$@" > "$W/out" 2> "$W/err"
	_rc=$?
	ip -n r2 -f mpls route show > "$W/after"
	[ "$_rc" = 2 ] && [ -s "$W/err" ] && [ ! -s "$W/out" ] &&
		cmp -s "$W/before" "$W/after"
}

if ! topo_setup >/dev/null 2>&1 || ! topo_routes >/dev/null 2>&1 || ! pings; then
	echo "FAIL lab-fail: the seed's network does not work to begin with"
	topo_cleanup
	exit 0
fi
ok=0
for r in r1 r2 r3; do ready "$r" 0 "$r: ready" || ok=1; done
check ready-when-healthy $ok "ipmpls check: $(cat "$W/ready")"

# MPLS input off on the device where the labelled requests arrive
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=0
! pings
check input-off-ping-fails $? "the ping went through with r2 eth1 input off"
ready r2 1 "net.mpls.conf.eth1.input is 0"
check input-off-check-ready $? "ipmpls check -n r2 said: $(cat "$W/ready")"
ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1
pings
check input-on-again $? "no ping after turning input back on"

# a label at or beyond platform_labels: the kernel drops the route and
# refuses to add it again; raising the limit lets ipmpls add it
ip netns exec r2 sysctl -qw net.mpls.platform_labels=150
! pings
check platform-labels-150-ping-fails $? "label 200 still forwarded with platform_labels 150"
refused -n r2 -f mpls route add 200 as 210 via inet 192.168.30.101
check label-beyond-platform-refused $? "rc $_rc, stderr: $(cat "$W/err")"
ip netns exec r2 sysctl -qw net.mpls.platform_labels=1048575
"$IPMPLS" -n r2 -f mpls route add 200 as 210 via inet 192.168.30.101 && pings
check label-added-after-raise $? "ipmpls could not add 200 back, or no ping"

# platform_labels 0: no label routes at all
ip netns exec r2 sysctl -qw net.mpls.platform_labels=0
! pings
check platform-zero-ping-fails $? "the ping went through with platform_labels 0"
ready r2 1 "net.mpls.platform_labels is 0"
check platform-zero-check-ready $? "ipmpls check -n r2 said: $(cat "$W/ready")"
refused -n r2 -f mpls route add 100 as 110 via inet 192.168.40.102
check platform-zero-refused $? "rc $_rc, stderr: $(cat "$W/err")"

topo_cleanup
rm -rf "$W"
exit 0
