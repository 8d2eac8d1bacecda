# testsuite/lab/limit.sh: each lab test's own time limit (sourced, in the guest)
# Topology: none.  A test that overruns its limit is stopped alone and named
# ("FAIL NAME: over its time limit ..."); the others still run.  The limits
# are generous (several times what a test takes on a 2-core host) and
# counted in unloaded-host seconds (lab_slice); LAB_TIME_SCALE=N multiplies
# them all for a slower machine.  The guest's
# own limit (uml.sh's LAB_TIMEOUT) is only a last resort: the name of the
# test running is kept in $LAB_RUN/current so that run.sh can name it.
# usage: . testsuite/lab/limit.sh; lab_limit NAME SECONDS CMD [ARGS...]

# lab_slice: hundredths of a second of an unloaded host that one second of
# now is worth: 100 over the host's load per CPU (uml.sh writes "LOAD CPUS"
# to $LAB_RUN/hostload), between 100 (idle) and 100/8
lab_slice() {
	awk '{ s = $2 > 0 ? $1 / $2 : 1; if (s < 1) s = 1; if (s > 8) s = 8
		printf "%d\n", 100 / s }' "$LAB_RUN/hostload" 2>/dev/null || echo 100
}

# lab_watch PID SECONDS FLAG: after SECONDS of unloaded-host time (the
# wall clock slowed by the host's load as it goes), FLAG is made and PID
# gets SIGTERM; SIGTERM ends it quietly
lab_watch() {
	trap 'exit 0' TERM	# lab_limit's own stop: no "Terminated" line
	_wused=0
	while [ "$_wused" -lt $(($2 * 100)) ]; do
		sleep 1 &
		wait $!
		_wused=$((_wused + $(lab_slice)))
	done
	: > "$3"
	kill -TERM "$1" 2>/dev/null
}

# lab_limit NAME SECONDS CMD [ARGS...]: CMD (not a shell function) under a
# limit of SECONDS x LAB_TIME_SCALE, counted in unloaded-host seconds: on a
# host loaded L per CPU a second counts 1/L (at most 8 times slower), so a
# shared CI machine stretches the limit instead of failing the test.  When
# it runs out, CMD and everything it started are killed (timeout(1) relays
# the signal to its process group; it also stops CMD at 8 times the limit of
# wall time), the namespaces left behind are removed, "FAIL NAME: over its
# time limit of N s (stopped)" is printed and 124 returned; else CMD's exit
# code
lab_limit() {
	_lname=$1
	_lsec=$(($2 * ${LAB_TIME_SCALE:-1}))
	shift 2
	[ -n "$LAB_RUN" ] && echo "$_lname" > "$LAB_RUN/current" 2>/dev/null
	_lflag=/tmp/lab_limit.$$
	rm -f "$_lflag"
	timeout -k 10 $((_lsec * 8)) "$@" &
	_lpid=$!
	lab_watch "$_lpid" "$_lsec" "$_lflag" &
	_lwatch=$!
	wait "$_lpid" 2>/dev/null	# no "Terminated" line when stopped
	_lrc=$?
	kill "$_lwatch" 2>/dev/null
	wait "$_lwatch" 2>/dev/null
	if [ -e "$_lflag" ] || [ $_lrc = 124 ] || [ $_lrc = 137 ]; then
		rm -f "$_lflag"
		echo "FAIL $_lname: over its time limit of $_lsec s (stopped)"
		ip -all netns delete >/dev/null 2>&1
		return 124
	fi
	return $_lrc
}

# lab_limit_of SCRIPT DEFAULT: the limit SCRIPT declares in its first lines
# ("# Time limit: N s"), or DEFAULT
lab_limit_of() {
	_lim=$(head -n 20 "$1" | sed -n 's/^# Time limit: \([0-9][0-9]*\) s.*/\1/p' |
		head -n 1)
	echo "${_lim:-$2}"
}
