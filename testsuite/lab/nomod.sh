# testsuite/lab/nomod.sh: ipmpls on a kernel without the MPLS modules, run inside the UML guest
# Topology: one namespace "nomod" with a veth pair eth1 (192.168.30.101/24)
# <-> eth1p.  The guest is booted without mpls_router and mpls_iptunnel
# (run.sh sets LAB_SKIP_MODULES).  ipmpls must fail (exit 2) and name the
# missing module; `ipmpls check` must name it too (exit 1).
# usage (in the guest): sh testsuite/lab/nomod.sh
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
W=/tmp/nomod.$$
mkdir -p "$W"

# expect NAME WORD ARGS...: ipmpls ARGS exits 2 and its stderr has WORD
expect() {
	_name=$1 _word=$2
	shift 2
	"$IPMPLS" -n nomod "$@" > "$W/out" 2> "$W/err"
	_rc=$?
	if [ "$_rc" = 2 ] && grep -q "$_word" "$W/err"; then
		echo "PASS lab-nomod-$_name"
	else
		echo "FAIL lab-nomod-$_name: rc $_rc, stderr: $(tr '\n' ' ' < "$W/err")"
	fi
}

if [ -d /sys/module/mpls_router ]; then
	echo "FAIL lab-nomod: mpls_router is loaded in this guest"
	exit 0
fi
ip netns add nomod
ip -n nomod link set lo up
ip -n nomod link add eth1 type veth peer name eth1p
ip -n nomod addr add 192.168.30.101/24 dev eth1
ip -n nomod link set eth1 up
ip -n nomod link set eth1p up
expect mpls-route mpls_router -f mpls route add 100 as 110 via inet 192.168.30.102
expect encap-route mpls_iptunnel route add 10.4.4.0/24 encap mpls 100 via inet 192.168.30.102
"$IPMPLS" check -n nomod > "$W/ready"
if [ $? = 1 ] && grep -q 'mpls_router is not loaded' "$W/ready"; then
	echo "PASS lab-nomod-check-ready"
else
	echo "FAIL lab-nomod-check-ready: $(cat "$W/ready")"
fi
ip netns del nomod
rm -rf "$W"
exit 0
