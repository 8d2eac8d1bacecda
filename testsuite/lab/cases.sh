# testsuite/lab/cases.sh: every golden case live on the guest's MPLS kernel
# Topology: for each case, a fresh labns.sh namespace (the dumps' lab: eth1,
# eth2, veth0-host with fixed ifindexes, plus nlmon0), twice: once for
# ipmpls, once for Debian's ip.
# Every case folder is found by itself: testsuite/data/iproute2-4.4/cases
# (named NAME), .../beyond (beyond/NAME) and testsuite/golden/extra
# (extra/NAME).  A case that cannot run live says why in its file
# `live-skip` (one line, printed as "SKIP lab-case/NAME: why").
# For each case: run `pre` (ip arguments with Debian's ip, `!` parts with
# sh), then ipmpls ARGV under nlmon_dump; compare the route requests (nlcmp:
# padding aside), the exit code and stdout with the recording (beyond/ cases
# without a requests file: not the requests).  Then the kernel's routes
# afterwards:
# when the case fails (recorded rc not 0, not a batch) or only reads (show,
# list, get), they must be those before it ran; when it changes routes, the
# case runs again with Debian's ip in a fresh namespace and, when ip exits as
# the recording says, the routes after both runs must be the same.  stderr
# differences are reported, not failed (ip 6.1 and 4.4 word some errors
# differently; the golden group checks stderr).
# Each case has its own time limit (limit.sh; LAB_CASE_LIMIT seconds, 120).
# usage (in the guest): sh testsuite/lab/cases.sh [NAME-PATTERN]
#        sh testsuite/lab/cases.sh --one DIR NAME     (one case, no limit)
# Prints "PASS lab-case/NAME", "FAIL lab-case/NAME: why" or "SKIP ..." per
# case.
. testsuite/lab/labns.sh
. testsuite/lab/limit.sh
DATA=$TOP/testsuite/data/iproute2-4.4
NLMON=$TOP/$BUILD/testsuite/tools/nlmon_dump
NLCMP=$TOP/$BUILD/testsuite/tools/nlcmp
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
W=/tmp/cases
mkdir -p "$W"

# state NS: the routes the kernel holds (all tables, all families): first
# the others in the kernel's order, then the kernel's own one-line routes
# ("proto kernel": connected, local, fe80::/64, multicast) sorted, since their
# order follows the timing of address and link set-up, not the case
state() {
	_st=$(ip -n "$1" route show table all 2>&1)
	printf '%s\n' "$_st" | state_part 0
	printf '%s\n' "$_st" | state_part 1 | sort
}

# state_part K: of `ip route show` on stdin, the routes (a route with its
# indented nexthop lines) that are the kernel's own (K 1) or not (K 0)
state_part() {
	awk -v k="$1" '
	function flush() {
		if (rec != "" &&
		    (rec !~ /\n/ && rec ~ / proto kernel( |$)/) == k)
			print rec
		rec = ""
	}
	/^[ \t]/ { rec = rec "\n" $0; next }
	{ flush(); rec = $0 }
	END { flush() }'
}

# oneline FILE [N]: the first N (3) lines of FILE on one line
oneline() {
	head -n "${2:-3}" "$1" 2>/dev/null | tr '\n' ' '
}

# changes A B: the first two lines that differ between files A and B
changes() {
	diff "$1" "$2" | grep '^[<>]' | head -n 2 | tr '\n' ' '
}

# same WANT GOT: files equal, a missing WANT counting as empty
same() {
	if [ -f "$1" ]; then cmp -s "$1" "$2"; else [ ! -s "$2" ]; fi
}

# run_one DIR NS OUT TOOL...: pre, TOOL ARGV under capture, the state after
# (and with OUT.before: the state before)
run_one() {
	_dir=$1 _ns=$2 _o=$3
	shift 3
	labns_setup "$_ns" >/dev/null 2>&1 || return 1
	labns_pre "$_dir" "$_ns" >/dev/null 2>&1
	[ -n "$BEFORE" ] && state "$_ns" > "$_o.before" 2>&1
	set -f
	"$NLMON" -N "$_ns" -q "$_o.req" -a "$_o.ans" nlmon0 -- \
		"$@" $ARGV >"$_o.out" 2>"$_o.err" </dev/null
	echo $? > "$_o.rc"
	set +f
	state "$_ns" > "$_o.state" 2>&1
	labns_cleanup "$_ns"
	rm -f /tmp/batch-*
}

# check_state DIR O: the kernel's routes after ipmpls are the right ones
check_state() {
	if [ -n "$READONLY" ] || { [ "$RC" != 0 ] && [ -z "$BATCH" ]; }; then
		cmp -s "$2.mine.before" "$2.mine.state" ||
			why="$why; routes changed: $(changes "$2.mine.before" \
				"$2.mine.state")"
		return
	fi
	BEFORE= run_one "$1" lab-case "$2.ip" ip ||
		{ why="$why; no namespace for ip"; return; }
	if [ "$(cat "$2.ip.rc")" != "$RC" ]; then
		echo "  [lab-case/$name] routes not compared:" \
			"ip exits $(cat "$2.ip.rc"), recorded $RC"
		return
	fi
	cmp -s "$2.ip.state" "$2.mine.state" ||
		why="$why; routes differ from ip's: $(changes "$2.ip.state" \
			"$2.mine.state")"
}

# check_case DIR NAME: one line for one case
check_case() {
	dir=$1 name=$2
	o=$W/$(echo "$name" | tr / _)
	why=
	ARGV=$(cat "$dir/argv")
	RC=$(cat "$dir/rc")
	READONLY= BATCH=
	case " $ARGV " in
	*" route show "*|*" route list "*|*" route lst "*|*" route get "*)
		READONLY=1 ;;
	*" -batch "*) BATCH=1 ;;
	esac
	if ! BEFORE=1 run_one "$dir" lab-case "$o.mine" "$IPMPLS"; then
		echo "FAIL lab-case/$name: could not build the lab namespace"
		return
	fi
	rc=$(cat "$o.mine.rc")
	[ "$rc" = 125 ] && why="$why; the capture failed"
	# beyond/ cases without requests leave the request to ipmpls
	case "$name" in
	beyond/*) [ -f "$dir/requests" ] || cp "$o.mine.req" "$o.want" ;;
	esac
	[ -f "$o.want" ] || cp "$dir/requests" "$o.want" 2>/dev/null ||
		: > "$o.want"
	"$NLCMP" "$o.want" "$o.mine.req" > "$o.cmp" 2>&1 ||
		why="$why; requests differ: $(oneline "$o.cmp")"
	[ "$rc" = "$RC" ] || why="$why; rc $rc, recorded $RC"
	same "$dir/stdout" "$o.mine.out" || why="$why; stdout differs"
	same "$dir/stderr" "$o.mine.err" ||
		echo "  [lab-case/$name] stderr: $(oneline "$o.mine.err")" \
			"(recorded: $(oneline "$dir/stderr"))"
	check_state "$dir" "$o"
	if [ -z "$why" ]; then
		echo "PASS lab-case/$name"
	else
		echo "FAIL lab-case/$name: ${why#; }"
	fi
}

if [ "$1" = --one ]; then
	check_case "$2" "$3"
	exit 0
fi

PATTERN=${1:-*}
for dir in "$DATA"/cases/$PATTERN "$DATA"/beyond/$PATTERN \
	"$TOP"/testsuite/golden/extra/$PATTERN; do
	[ -f "$dir/argv" ] || continue
	case "$dir" in
	*/beyond/*) name=beyond/$(basename "$dir") ;;
	*/golden/extra/*) name=extra/$(basename "$dir") ;;
	*) name=$(basename "$dir") ;;
	esac
	if [ -f "$dir/live-skip" ]; then
		echo "SKIP lab-case/$name: $(head -n 1 "$dir/live-skip")"
		continue
	fi
	lab_limit "lab-case/$name" "${LAB_CASE_LIMIT:-120}" \
		sh testsuite/lab/cases.sh --one "$dir" "$name"
done
rm -rf "$W"
