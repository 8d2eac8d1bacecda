#!/bin/sh
# testsuite/lab/run.sh: the lab test group, run on the host; boots user-mode-linux
# Topology: whatever each in-guest part builds: two guests at once run
# guest.sh (one: the capture check, the seed end to end, failure modes,
# half the reference cases live and half the t_*.sh; the other: the other
# halves), then
# a boot without the MPLS modules runs nomod.sh.
# Prints one "PASS/FAIL/SKIP name" line per test, other output indented.
# When UML cannot run here the group is one SKIP line with the reason.
# IPMPLS=PATH tests another ipmpls binary; LAB_CASES=PATTERN picks cases.
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD

why=$(sh testsuite/lab/uml.sh --check 2>&1)
if [ $? != 0 ]; then
	echo "SKIP lab: ${why#uml: cannot run: }"
	exit 0
fi
if [ ! -x "$BUILD/testsuite/tools/nlmon_dump" ]; then
	echo "SKIP lab: $BUILD/testsuite/tools/nlmon_dump not built (make tests)"
	exit 0
fi
# the guest's own limit is only a last resort: the sum of its tests' limits
# (limit.sh; 120 s a case, 600 s a script or part), so that on a loaded
# host a slow test is stopped and named by its own limit, not by the guest's
n=$(ls -d testsuite/data/iproute2-4.4/cases/*/ \
	testsuite/data/iproute2-4.4/beyond/*/ testsuite/golden/extra/*/ \
	2>/dev/null | wc -l)
s=$(ls testsuite/lab/t_*.sh 2>/dev/null | wc -l)
: "${LAB_TIMEOUT:=$(( (n * ${LAB_CASE_LIMIT:-120} + (s + 3) * 600) * ${LAB_TIME_SCALE:-1} ))}"
export LAB_TIMEOUT

# guest PARTS SHARD OUT: one guest running guest.sh's PARTS and the cases of
# SHARD (K/N), its output and exit code into OUT and OUT.rc
guest() {
	LAB_PARTS=$1 LAB_CASE_SHARD=$2 \
		sh testsuite/lab/uml.sh testsuite/lab/guest.sh > "$3" 2>&1
	echo $? > "$3.rc"
}

# report OUT: a guest's lines, then a FAIL line when it did not finish
report() {
	sed '/^\(PASS\|FAIL\|SKIP\) /!s/^/  [lab] /' "$1"
	read -r rc < "$1.rc"
	case $rc in
	0) ;;
	77) echo "SKIP lab: $(sed -n 's/^uml: cannot run: //p' "$1" | tail -n 1)" ;;
	*) why=$(sed -n 's/^uml: //p' "$1" | tail -n 1)
		echo "FAIL lab: the guest exited $rc${why:+: $why}" ;;
	esac
}

# nomod OUT: a boot without the MPLS modules (ipmpls must name the missing
# one): nomod.sh's lines into OUT
nomod() {
	if ! [ -x "${IPMPLS:-$BUILD/ip/ipmpls}" ] &&
		! command -v "$IPMPLS" >/dev/null 2>&1; then
		echo "SKIP lab-nomod: ${IPMPLS:-$BUILD/ip/ipmpls} not built" > "$1"
		return
	fi
	LAB_SKIP_MODULES="mpls_router mpls_iptunnel" \
		sh testsuite/lab/uml.sh testsuite/lab/nomod.sh > "$1.out" 2>&1
	rc=$?
	sed '/^\(PASS\|FAIL\|SKIP\) /!s/^/  [lab-nomod] /' "$1.out" > "$1"
	why=$(sed -n 's/^uml: //p' "$1.out" | tail -n 1)
	[ $rc = 0 ] ||
		echo "FAIL lab-nomod: the guest exited $rc${why:+: $why}" >> "$1"
}

# two guests at once (user-mode-linux runs on one CPU): the cases are split
# between them by position (cases.sh's LAB_CASE_SHARD), the nomod boot
# follows the first; LAB_GUESTS=1: one guest after the other
OUT=$(mktemp -d "${TMPDIR:-/tmp}/ipmpls-lab.XXXXXX") || exit 1
trap 'rm -rf "$OUT"' EXIT
trap 'exit 130' INT TERM
if [ "${LAB_GUESTS:-2}" = 1 ]; then
	guest "lab_capture seed failures cases scripts" "" "$OUT/a"
	: > "$OUT/b"
	echo 0 > "$OUT/b.rc"
	nomod "$OUT/n"
else
	{ guest "lab_capture seed failures cases scripts" 0/2 "$OUT/a"
	  nomod "$OUT/n"; } &
	guest "cases scripts" 1/2 "$OUT/b"
	wait
fi
read -r rc < "$OUT/a.rc"
if [ "$rc" = 77 ]; then
	echo "SKIP lab: $(sed -n 's/^uml: cannot run: //p' "$OUT/a" | tail -n 1)"
	exit 0
fi
report "$OUT/a"
report "$OUT/b"
cat "$OUT/n"
