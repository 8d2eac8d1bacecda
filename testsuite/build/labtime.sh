#!/bin/sh
# testsuite/build/labtime.sh: the lab's per-test time limits (testsuite/lab/limit.sh) on the host
# Topology: none: limit.sh is sourced here with a made-up $LAB_RUN whose
# hostload file says how loaded the host is; no guest is booted.
# Checks: an exit code passes through; a command over its limit on an idle
# host is stopped, with its children, and named; on a host loaded 4 per CPU
# the same command fits (a second counts a quarter); a stopped test leaves
# no flag file behind.  Prints PASS/FAIL lines.
cd "$(dirname "$0")/../.." || exit 1
pass() { echo "PASS build/labtime-$1"; }
fail() { echo "FAIL build/labtime-$1: $2"; }
LAB_RUN=$(mktemp -d) || exit 1
trap 'rm -rf "$LAB_RUN"' EXIT
export LAB_RUN
. testsuite/lab/limit.sh
# alive PID: 0 when PID runs (a zombie waiting for its reaper is dead)
alive() {
	_st=$(ps -o stat= -p "$1" 2>/dev/null)
	[ -n "$_st" ] && [ "${_st#Z}" = "$_st" ]
}

echo "0.00 2" > "$LAB_RUN/hostload"
lab_limit t-rc 5 sh -c 'exit 3' > "$LAB_RUN/out"
rc=$?
[ $rc = 3 ] && ! [ -s "$LAB_RUN/out" ] && pass exit-code ||
	fail exit-code "rc $rc, output: $(cat "$LAB_RUN/out")"

# idle host: 2 s of limit for a 6 s job that leaves a grandchild behind
start=$(date +%s)
lab_limit t-over 2 sh -c "sleep 6 & echo \$! > $LAB_RUN/child; wait" \
	> "$LAB_RUN/out"
rc=$?
took=$(($(date +%s) - start))
child=$(cat "$LAB_RUN/child" 2>/dev/null)
sleep 1
if [ $rc = 124 ] && [ $took -lt 6 ] &&
	grep -qx 'FAIL t-over: over its time limit of 2 s (stopped)' "$LAB_RUN/out" &&
	! alive "$child" && ! ls /tmp/lab_limit.$$ >/dev/null 2>&1; then
	pass over-limit-idle
else
	fail over-limit-idle "rc $rc after $took s; $(cat "$LAB_RUN/out"); child ${child:-?} $(alive "$child" && echo alive)"
fi

# loaded host (8 on 2 CPUs): the 2 s limit is 8 s of wall time, a 4 s job fits
echo "8.00 2" > "$LAB_RUN/hostload"
lab_limit t-loaded 2 sleep 4 > "$LAB_RUN/out"
rc=$?
[ $rc = 0 ] && ! [ -s "$LAB_RUN/out" ] && pass loaded-host-stretches ||
	fail loaded-host-stretches "rc $rc: $(cat "$LAB_RUN/out")"
