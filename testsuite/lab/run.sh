#!/bin/sh
# testsuite/lab/run.sh: the lab test group, run on the host; boots user-mode-linux
# Topology: whatever each in-guest part builds (guest.sh runs them in one boot).
# Prints one "PASS/FAIL/SKIP name" line per test.  When UML cannot run here
# every test is SKIP with the reason.
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
out=$(sh testsuite/lab/uml.sh testsuite/lab/guest.sh 2>&1)
rc=$?
printf '%s\n' "$out" | grep -E '^(PASS|FAIL|SKIP) '
printf '%s\n' "$out" | grep -vE '^(PASS|FAIL|SKIP) ' | sed 's/^/  [lab] /'
case $rc in
0) ;;
77) echo "SKIP lab: $(printf '%s\n' "$out" | sed -n 's/^uml: cannot run: //p' | tail -n 1)" ;;
*) echo "FAIL lab: the guest exited $rc" ;;
esac
