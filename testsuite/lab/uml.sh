#!/bin/sh
# testsuite/lab/uml.sh: boots user-mode-linux on the host's files and runs one script in it
# usage: sh testsuite/lab/uml.sh SCRIPT [ARGS...]
#        sh testsuite/lab/uml.sh --check      (only says whether UML can run here)
# Topology: none.  The guest starts with lo only; SCRIPT builds what it needs
# (see topo.sh, labns.sh).  Inside the guest: / is the host's / (hostfs), with
# fresh proc, sys, and tmpfs on /run and /tmp; the MPLS, veth and nlmon modules
# are loaded; cwd is the project's top directory; PATH is the usual one; TOP
# and BUILD are exported.  SCRIPT runs with sh, stdin /dev/null, its output
# on our stdout.
# Exit: SCRIPT's exit code; 77 when UML cannot run here, with the reason on
# stderr as "uml: cannot run: ..." (callers print SKIP with it, never PASS).
# Environment: LAB_SKIP_MODULES="mpls_router ..." modules not to load,
# LAB_CASE_LIMIT and LAB_TIME_SCALE (limit.sh), LAB_PARTS (guest.sh),
# LAB_CASE_SHARD and LAB_CASE_FRESH (cases.sh) passed on to the guest,
# LAB_MEM (512M), LAB_TIMEOUT seconds (3600; run.sh sets the sum of the
# lab's per-test limits: a last resort, limit.sh).  Nothing is left on the
# host: the run directory is removed and the guest's namespaces die with it.  When the
# guest is stopped, the test it was running ($LAB_RUN/current) is named.

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${TOP:-$(cd "$HERE/../.." && pwd)}
BUILD=${BUILD:-.}

cannot() {
	echo "uml: cannot run: $*" >&2
	exit 77
}

# uml_check: exits 77 with the reason when linux.uml cannot run here
uml_check() {
	[ "$(id -u)" = 0 ] || cannot "not root (the lab needs root on the host)"
	command -v linux.uml >/dev/null 2>&1 ||
		cannot "linux.uml not found (Debian package: user-mode-linux)"
	ls -d /usr/lib/uml/modules/*/kernel/net/mpls >/dev/null 2>&1 ||
		cannot "no MPLS modules in /usr/lib/uml/modules (Debian package: user-mode-linux)"
	# UML maps its memory page by page; raise the map limit when we can
	cur=$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 0)
	if [ "$cur" -lt 1048576 ]; then
		sysctl -qw vm.max_map_count=1048576 2>/dev/null ||
			echo "uml: note: vm.max_map_count is $cur and could not be raised" >&2
	fi
}

# quote WORD: WORD as one single-quoted shell word
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

uml_check
if [ "$1" = --check ]; then
	exit 0
fi
[ $# -ge 1 ] || { echo "usage: uml.sh SCRIPT [ARGS...]" >&2; exit 255; }
script=$1
shift
case "$script" in /*) ;; *) script=$(pwd)/$script ;; esac
[ -r "$script" ] || { echo "uml: no script $script" >&2; exit 1; }

# the run directory must be visible in the guest: not under /tmp or /run
RUN=$(mktemp -d "${LAB_RUNDIR:-/var/tmp}/ipmpls-uml.XXXXXX") ||
	cannot "mktemp failed"
# the host's load for the guest's time limits (limit.sh): "LOAD CPUS",
# rewritten every 2 s while the guest runs
hostload() {
	_cpus=$(nproc 2>/dev/null || echo 1)
	while [ -d "$RUN" ]; do
		read -r _load _rest < /proc/loadavg
		echo "$_load $_cpus" > "$RUN/hostload"
		sleep 2
	done
}
hostload &
LOADPID=$!
trap 'kill $LOADPID 2>/dev/null; rm -rf "$RUN"' EXIT
trap 'exit 130' INT TERM

{
	echo "TOP=$(quote "$TOP")"
	echo "BUILD=$(quote "$BUILD")"
	echo "SCRIPT=$(quote "$script")"
	echo "LAB_SKIP_MODULES=$(quote "${LAB_SKIP_MODULES:-}")"
	[ -n "$LAB_CASES" ] && echo "LAB_CASES=$(quote "$LAB_CASES"); export LAB_CASES"
	[ -n "$IPMPLS" ] && echo "IPMPLS=$(quote "$IPMPLS"); export IPMPLS"
	for v in LAB_CASE_LIMIT LAB_TIME_SCALE LAB_CASE_SHARD LAB_PARTS \
		LAB_CASE_FRESH REPEAT BENCH_SKIP IPMPLS_BASE STEPS \
		LOOP_ROUNDS; do
		eval "val=\${$v:-}"
		[ -n "$val" ] && echo "$v=$(quote "$val"); export $v"
	done
	printf 'set --'
	for a in "$@"; do printf ' %s' "$(quote "$a")"; done
	echo
} > "$RUN/conf"
mkdir "$RUN/uml"

# UML keeps its memory in a file under TMPDIR; the console (con0) is our
# stdout; the kernel's own messages are silenced.  The guest converts no
# newlines (the init wrapper turns onlcr off); \r is stripped anyway.
TMPDIR=${LAB_UML_TMPDIR:-/dev/shm}
[ -d "$TMPDIR" ] && [ -w "$TMPDIR" ] || TMPDIR=/tmp
export TMPDIR
timeout -k 5 "${LAB_TIMEOUT:-3600}" linux.uml mem="${LAB_MEM:-512M}" \
	rootfstype=hostfs rootflags=/ rw quiet loglevel=0 \
	uml_dir="$RUN/uml" umid=ipmpls-lab \
	init="$HERE/uml-init.sh" LAB_RUN="$RUN" \
	con=null con0=fd:0,fd:1 </dev/null 2>"$RUN/uml.err" |
	sed -u 's/\r$//' | grep --line-buffered -v '^Halting\.$'
if [ ! -f "$RUN/booted" ]; then
	reason=$(grep -v '^$' "$RUN/uml.err" | tail -n 1)
	cannot "linux.uml did not boot: ${reason:-no message}"
fi
if [ ! -f "$RUN/rc" ]; then
	running=
	[ -s "$RUN/current" ] && running=", while running $(cat "$RUN/current")"
	echo "uml: the guest script did not finish (timeout after ${LAB_TIMEOUT:-3600} s or crash$running)" >&2
	exit 1
fi
rc=$(cat "$RUN/rc")
exit "$rc"
