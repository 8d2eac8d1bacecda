# testsuite/lab/guest.sh: runs the lab's tests inside the user-mode-linux guest
# Topology: each part builds its own namespaces and removes them.
# Run by run.sh through uml.sh, in the project directory.  Prints one
# "PASS/FAIL/SKIP name" line per test; exits 0 when it could run them all.
# Each test has its own time limit (limit.sh): a lab script's is the one it
# declares ("# Time limit: N s" in its first lines, else 600 s), each
# reference case's is cases.sh's; one that overruns is stopped and named.
. testsuite/lab/labns.sh
. testsuite/lab/limit.sh
NLMON=$BUILD/testsuite/tools/nlmon_dump
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
export IPMPLS

# the lab itself: modules loaded, the reference namespace, capture works
t_lab_capture() {
	if ! labns_setup cap >/dev/null 2>&1; then
		echo "FAIL lab-capture: labns_setup"
		return
	fi
	lab_limit lab-capture 60 ip netns exec cap "$NLMON" -q /tmp/cap.req \
		nlmon0 -- ip route add 10.4.4.0/24 via 192.168.30.102
	[ $? = 124 ] && return	# named by lab_limit
	# the whole request, seq and pid zeroed: NEW|CREATE|EXCL|ACK, 10.4.4.0/24,
	# table main, boot, universe, unicast, RTA_DST, RTA_GATEWAY
	want="RTM_NEWROUTE 0x605 2c000000180005060000000000000000"
	want="${want}02180000fe03000100000000080001000a04040008000500c0a81e66"
	if [ "$(cat /tmp/cap.req)" = "$want" ]; then
		echo "PASS lab-capture"
	else
		echo "FAIL lab-capture: no RTM_NEWROUTE captured on nlmon0"
	fi
	labns_cleanup cap
}

# (a) the seed end to end: ttl=61 and the labels on each link
t_seed() {
	if ! [ -x "$IPMPLS" ] && ! command -v "$IPMPLS" >/dev/null; then
		echo "SKIP lab-seed: $IPMPLS not built"
		return
	fi
	lab_limit lab-seed "$(lab_limit_of testsuite/lab/seed.sh 600)" \
		sh testsuite/lab/seed.sh --tap > /tmp/seed.out 2>&1
	grep -E '^(PASS|FAIL|SKIP) ' /tmp/seed.out
	grep -q '^FAIL ' /tmp/seed.out && sed 's/^/  [seed] /' /tmp/seed.out
}

# (b) the reference cases, live
t_cases() {
	if ! [ -x "$IPMPLS" ] && ! command -v "$IPMPLS" >/dev/null; then
		echo "SKIP lab-case: $IPMPLS not built"
		return
	fi
	if [ ! -x "$BUILD/testsuite/tools/nlcmp" ]; then
		echo "SKIP lab-case: $BUILD/testsuite/tools/nlcmp not built"
		return
	fi
	sh testsuite/lab/cases.sh "${LAB_CASES:-*}"
}

# (c) failure modes on the seed's network (the missing module: run.sh's
# second boot, nomod.sh)
t_failures() {
	if ! [ -x "$IPMPLS" ] && ! command -v "$IPMPLS" >/dev/null; then
		echo "SKIP lab-fail: $IPMPLS not built"
		return
	fi
	lab_limit lab-fail "$(lab_limit_of testsuite/lab/failures.sh 600)" \
		sh testsuite/lab/failures.sh
}

# other helpers' real-kernel tests: testsuite/lab/t_*.sh, each printing
# PASS/FAIL/SKIP lines, run in the project directory
# (LAB_CASE_SHARD=K/N: only the scripts whose position is K modulo N, as
# the cases)
t_scripts() {
	_pos=-1
	for t in testsuite/lab/t_*.sh; do
		[ -f "$t" ] || continue
		_pos=$((_pos + 1))
		[ -z "$LAB_CASE_SHARD" ] ||
			[ $((_pos % ${LAB_CASE_SHARD#*/})) = "${LAB_CASE_SHARD%/*}" ] ||
			continue
		lab_limit "$(basename "$t" .sh)" "$(lab_limit_of "$t" 600)" \
			sh "$t" 2>&1 | grep -E '^(PASS|FAIL|SKIP) ' > /tmp/t_script.out
		rc=$?
		cat /tmp/t_script.out
		[ $rc = 0 ] || echo "FAIL $(basename "$t" .sh): printed no PASS/FAIL/SKIP line"
	done
}

# timed PART: runs t_PART and notes how long it took
timed() {
	_t0=$(date +%s)
	"t_$1"
	echo "  ($1: $(($(date +%s) - _t0)) s)"
}

# LAB_PARTS: the parts this guest runs (run.sh splits them over two guests)
for part in ${LAB_PARTS:-lab_capture seed failures cases scripts}; do
	timed "$part"
done
exit 0
