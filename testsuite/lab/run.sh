#!/bin/sh
# testsuite/lab/run.sh: the lab test group, run on the host; boots user-mode-linux
# Topology: whatever each in-guest part builds: one boot runs guest.sh (the
# seed end to end, failure modes, the reference cases live, t_*.sh), a second
# boot without the MPLS modules runs nomod.sh.
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
out=$(sh testsuite/lab/uml.sh testsuite/lab/guest.sh 2>&1)
rc=$?
printf '%s\n' "$out" | sed '/^\(PASS\|FAIL\|SKIP\) /!s/^/  [lab] /'
case $rc in
0) ;;
77) echo "SKIP lab: $(printf '%s\n' "$out" | sed -n 's/^uml: cannot run: //p' | tail -n 1)"
	exit 0 ;;
*) why=$(printf '%s\n' "$out" | sed -n 's/^uml: //p' | tail -n 1)
	echo "FAIL lab: the guest exited $rc${why:+: $why}" ;;
esac

# a second boot without the MPLS modules: ipmpls must name the missing one
if ! [ -x "${IPMPLS:-$BUILD/ip/ipmpls}" ] && ! command -v "$IPMPLS" >/dev/null 2>&1; then
	echo "SKIP lab-nomod: ${IPMPLS:-$BUILD/ip/ipmpls} not built"
	exit 0
fi
out=$(LAB_SKIP_MODULES="mpls_router mpls_iptunnel" \
	sh testsuite/lab/uml.sh testsuite/lab/nomod.sh 2>&1)
rc=$?
printf '%s\n' "$out" | sed '/^\(PASS\|FAIL\|SKIP\) /!s/^/  [lab-nomod] /'
why=$(printf '%s\n' "$out" | sed -n 's/^uml: //p' | tail -n 1)
[ $rc = 0 ] || echo "FAIL lab-nomod: the guest exited $rc${why:+: $why}"
