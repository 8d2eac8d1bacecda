#!/bin/sh
# testsuite/fault/run.sh: ipmpls against a failing kernel or a failing
# stdout, through the replay socket (IPMPLS_RECORD / IPMPLS_RESPONSES):
# ENOBUFS in the middle of a dump (show and save report it and exit 1
# after what they printed, as 4.4; flush dumps again), stdout closed early
# (`route show | head -n 1`: no message, killed by SIGPIPE or exit 0, as
# 4.4), stdout on a full disk (`route save > /dev/full`: 4.4's "Dump
# terminated", exit 1, also for a table smaller than stdout's buffer;
# `route show > /dev/full` exits 0 as 4.4).  Prints "PASS fault/NAME" or "FAIL fault/NAME: why".
# (BUILD=DIR as run.sh.)  Hostile answers at the wire level (cut or
# oversized messages, foreign seqs, an ACK that never comes) are unit tests:
# testsuite/unit/check_hostile.c.
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
IPMPLS=$BUILD/ip/ipmpls
if [ ! -x "$IPMPLS" ]; then
	echo "SKIP fault: $IPMPLS not built"
	exit 0
fi
T=$(mktemp -d /tmp/ipmpls-fault.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
export IPMPLS_RECORD="$T/requests"

# route N: a dumped MPLS route N as N+1 via inet 192.168.40.102 dev 12
routes() {
	awk -v from="$1" -v to="$2" 'BEGIN {
		for (i = from; i <= to; i++)
			printf "RTM_NEWROUTE 0x2 4000000018000200000000000000" \
			    "00001c140000fe0300010000000008000100%08x" \
			    "08001300%08x0a0012000200c0a8286600000800" \
			    "04000c000000\n", i * 4096 + 256, (i + 1) * 4096 + 256
	}'
}
routes 16 5015 > "$T/big"
echo "NLMSG_DONE 0x2 1400000003000200000000000000000000000000" >> "$T/big"
routes 16 17 > "$T/nobufs"
# NLMSG_ERROR -ENOBUFS (-105) after two routes
echo "NLMSG_ERROR 0x0 24000000020000000000000000000000" \
	"97ffffff14000000120001030000000000000000" | tr -d ' ' |
	sed 's/^NLMSG_ERROR0x0/NLMSG_ERROR 0x0 /' >> "$T/nobufs"

# check NAME WHAT: PASS or FAIL with the reason
check() {
	if [ -z "$2" ]; then
		echo "PASS fault/$1"
	else
		echo "FAIL fault/$1: $2"
	fi
}

# show | head -n 1: one line, nothing on stderr, SIGPIPE (141) or 0
rc=$( { IPMPLS_RESPONSES="$T/big" "$IPMPLS" -f mpls route show \
	2> "$T/err"; echo $? > "$T/rc"; } | head -n 1 > "$T/out"; cat "$T/rc")
why=
[ "$(wc -l < "$T/out")" = 1 ] || why="stdout: $(wc -l < "$T/out") lines"
[ -s "$T/err" ] && why="$why stderr: $(head -n 1 "$T/err")"
case "$rc" in 0|141) ;; *) why="$why rc $rc" ;; esac
check show-head "$why"

# save > /dev/full: 4.4's save_route fails, "Dump terminated", exit 1
IPMPLS_RESPONSES="$T/big" "$IPMPLS" -f mpls route save > /dev/full \
	2> "$T/err"
rc=$? why=
[ "$rc" = 1 ] || why="rc $rc, want 1"
[ "$(cat "$T/err")" = "Dump terminated" ] ||
	why="$why stderr: $(head -n 2 "$T/err")"
check save-full "$why"

# save of a small table > /dev/full: stdout's buffer takes it all, and
# the flush at the end fails: still "Dump terminated", exit 1 (4.4 writes
# each message and fails at the first)
routes 16 17 > "$T/small"
echo "NLMSG_DONE 0x2 1400000003000200000000000000000000000000" >> "$T/small"
IPMPLS_RESPONSES="$T/small" "$IPMPLS" -f mpls route save > /dev/full \
	2> "$T/err"
rc=$? why=
[ "$rc" = 1 ] || why="rc $rc, want 1"
[ "$(cat "$T/err")" = "Dump terminated" ] ||
	why="$why stderr: $(head -n 2 "$T/err")"
check save-full-small "$why"

# show > /dev/full: 4.4 ignores its print errors (exit 0, nothing said)
IPMPLS_RESPONSES="$T/big" "$IPMPLS" -f mpls route show > /dev/full \
	2> "$T/err"
rc=$? why=
[ "$rc" = 0 ] || why="rc $rc, want 0"
[ -s "$T/err" ] && why="$why stderr: $(head -n 1 "$T/err")"
check show-full "$why"

# ENOBUFS mid-dump: what was received, then the error and exit 1
IPMPLS_RESPONSES="$T/nobufs" "$IPMPLS" -f mpls route show > "$T/out" \
	2> "$T/err"
rc=$? why=
[ "$rc" = 1 ] || why="rc $rc, want 1"
[ "$(wc -l < "$T/out")" = 2 ] || why="$why stdout: $(wc -l < "$T/out") lines"
printf 'netlink receive error No buffer space available (105)\nDump terminated\n' |
	cmp -s - "$T/err" || why="$why stderr: $(head -n 2 "$T/err")"
check enobufs-show "$why"

IPMPLS_RESPONSES="$T/nobufs" "$IPMPLS" -f mpls route save > "$T/out" \
	2> "$T/err"
rc=$?
check enobufs-save "$([ "$rc" = 1 ] || echo "rc $rc, want 1")"

# flush: the dump that lost messages is done again (the recording then
# has nothing left: nothing to flush)
: > "$IPMPLS_RECORD"
IPMPLS_RESPONSES="$T/nobufs" "$IPMPLS" -f mpls route flush table main \
	> "$T/out" 2> "$T/err"
rc=$? why=
[ "$rc" = 0 ] || why="rc $rc, want 0"
[ "$(grep -c RTM_GETROUTE "$IPMPLS_RECORD")" -ge 2 ] ||
	why="$why not dumped again"
check enobufs-flush "$why"
exit 0
