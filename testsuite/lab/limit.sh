# testsuite/lab/limit.sh: each lab test's own time limit (sourced, in the guest)
# Topology: none.  A test that overruns its limit is stopped alone and named
# ("FAIL NAME: over its time limit ..."); the others still run.  The limits
# are generous (several times what a test takes on a loaded 2-core host);
# LAB_TIME_SCALE=N multiplies them all for a slower machine.  The guest's
# own limit (uml.sh's LAB_TIMEOUT) is only a last resort: the name of the
# test running is kept in $LAB_RUN/current so that run.sh can name it.
# usage: . testsuite/lab/limit.sh; lab_limit NAME SECONDS CMD [ARGS...]

# lab_limit NAME SECONDS CMD [ARGS...]: CMD (not a shell function) under a
# limit of SECONDS x LAB_TIME_SCALE; when it runs out, CMD and everything it
# started are killed, the namespaces left behind are removed, "FAIL NAME: over
# its time limit of N s (stopped)" is printed and 124 returned; else CMD's
# exit code
lab_limit() {
	_lname=$1
	_lsec=$(($2 * ${LAB_TIME_SCALE:-1}))
	shift 2
	[ -n "$LAB_RUN" ] && echo "$_lname" > "$LAB_RUN/current" 2>/dev/null
	timeout -k 10 "$_lsec" "$@"
	_lrc=$?
	if [ $_lrc = 124 ] || [ $_lrc = 137 ]; then
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
