#!/bin/sh
# testsuite/lab/t_batch.sh: ipmpls -batch on the real MPLS kernel: stop, undo, -force, drains, -noack
# Topology: labns.sh's one namespace "tbatch" (eth1 192.168.30.101/24 ...);
# each test empties its MPLS table first.  Run inside the UML guest (by
# guest.sh, or: sh testsuite/lab/uml.sh testsuite/lab/t_batch.sh), in the
# project directory.  Prints one "PASS/FAIL lab-batch-NAME" line per test.
. testsuite/lab/labns.sh
: "${IPMPLS:=$TOP/${BUILD:-.}/ip/ipmpls}"
NS=tbatch
F=/tmp/t_batch.in
ERR=/tmp/t_batch.err

in_ns() { ip netns exec "$NS" "$@"; }

# the labels in the MPLS table, sorted, on one line
labels() {
	in_ns ip -f mpls route show | awk '{ print $1 }' | sort -n | tr '\n' ' ' |
		sed 's/ $//'
}

reset() {
	in_ns ip -f mpls route flush dev eth1 >/dev/null 2>&1
	in_ns sysctl -qw net.mpls.platform_labels=1048575
}

# add LABEL...: batch lines adding each label
adds() {
	for l in "$@"; do
		echo "route add $l as $l via inet 192.168.30.102 dev eth1"
	done
}

# check NAME RC WANT-RC LABELS WANT-LABELS [STDERR-PATTERN...]
check() {
	name=$1 rc=$2 wrc=$3 got=$4 want=$5
	shift 5
	why=
	[ "$rc" = "$wrc" ] || why="rc $rc, want $wrc"
	[ "$got" = "$want" ] || why="${why:+$why; }table [$got], want [$want]"
	for p in "$@"; do
		grep -qxF "$p" "$ERR" || why="${why:+$why; }no stderr line \"$p\""
	done
	if [ -z "$why" ]; then
		echo "PASS lab-batch-$name"
	else
		echo "FAIL lab-batch-$name: $why"
		sed 's/^/    stderr: /' "$ERR" | head -n 5
	fi
}

run() { in_ns "$IPMPLS" "$@" -batch "$F" > /tmp/t_batch.out 2> "$ERR"; }

# a refused add still in the window, then a bad word: 4.4 stopped at the
# refusal and never read the bad line; with -force it reported the refusal,
# then the bad word ended the batch (exit 1): stderr exactly, in that order
t_refusal_then_badword() {
	reset
	{ adds 100; echo "route add 3 as 110 via inet 192.168.30.102 dev eth1"
	  echo "route add 300 as garbage via inet 192.168.30.102"; adds 400; } > "$F"
	refused="Error: Implicit NULL Label (3) can not be used in encapsulation."
	run -f mpls
	rc=$?
	printf '%s\nCommand failed %s:2\n' "$refused" "$F" > /tmp/t_batch.want
	check refusal-then-badword $rc 1 "$(labels)" "100"
	cmp -s "$ERR" /tmp/t_batch.want ||
		echo "FAIL lab-batch-refusal-then-badword-stderr: $(tr '\n' '|' < "$ERR")"
	reset
	run -force -f mpls
	rc=$?
	printf '%s\nCommand failed %s:2\n%s\n' "$refused" "$F" \
		'Error: mpls address is expected rather than "garbage".' > /tmp/t_batch.want
	check refusal-then-badword-force $rc 1 "$(labels)" "100"
	cmp -s "$ERR" /tmp/t_batch.want ||
		echo "FAIL lab-batch-refusal-then-badword-force-stderr: $(tr '\n' '|' < "$ERR")"
	rm -f /tmp/t_batch.want
}

# refusals the kernel is sure of (a reserved label, a label from
# platform_labels up, the implicit null label in "as") go alone: nothing
# after them is sent, so the requests are 4.4's (captured on nlmon0)
t_foreseen() {
	name=$1 bad=$2
	reset
	in_ns sysctl -qw net.mpls.platform_labels=1000
	{ adds 100 101; echo "$bad"; adds 200 201; } > "$F"
	in_ns "$BUILD/testsuite/tools/nlmon_dump" -q /tmp/t_batch.req nlmon0 -- \
		"$IPMPLS" -f mpls -batch "$F" > /tmp/t_batch.out 2> "$ERR"
	rc=$?
	n=$(grep -c '^RTM_NEWROUTE' /tmp/t_batch.req)
	d=$(grep -c '^RTM_DELROUTE' /tmp/t_batch.req)
	check "foreseen-$name" $rc 1 "$(labels) sent $n deleted $d" \
		"100 101 sent 3 deleted 0" "Command failed $F:3"
	rm -f /tmp/t_batch.req
}

# a kernel refusal in the middle of a window: later adds are undone
t_stop_undo() {
	reset
	in_ns ip -f mpls route add 102 as 7 via inet 192.168.30.102 dev eth1
	adds 100 101 102 103 104 > "$F"
	run -f mpls
	check stop-undo $? 1 "$(labels)" "100 101 102" \
		"RTNETLINK answers: File exists" "Command failed $F:3"
}

# -force: every line is tried, the failure reported, exit non-zero
t_force() {
	reset
	in_ns ip -f mpls route add 102 as 7 via inet 192.168.30.102 dev eth1
	adds 100 101 102 103 104 > "$F"
	run -force -f mpls
	check force $? 1 "$(labels)" "100 101 102 103 104" \
		"RTNETLINK answers: File exists" "Command failed $F:3"
	[ "$(grep -c 'Command failed' "$ERR")" = 1 ] ||
		echo "FAIL lab-batch-force-once: \"Command failed\" not exactly once"
}

# a label beyond platform_labels: the kernel's extack text, nothing after
t_platform() {
	reset
	in_ns sysctl -qw net.mpls.platform_labels=1000
	adds 500 2000 600 > "$F"
	run -f mpls
	rc=$?
	check platform $rc 1 "$(labels)" "500" "Command failed $F:2"
	grep -q '^Error: .*\.$' "$ERR" ||
		echo "FAIL lab-batch-platform-extack: no \"Error: ...\" line"
}

# the same label twice (batch-error's case): stops there, line 3 never runs
t_dup() {
	reset
	adds 100 100 200 > "$F"
	run -f mpls
	check dup $? 1 "$(labels)" "100" \
		"RTNETLINK answers: File exists" "Command failed $F:2"
}

# a bad word on line 3 (4.4 exit(1)s there): the lines before it stay
t_badarg() {
	reset
	{ adds 100 101; echo "route add 102 as bogus via inet 192.168.30.102"; adds 103; } > "$F"
	run -f mpls
	check badarg $? 1 "$(labels)" "100 101" \
		'Error: mpls address is expected rather than "bogus".'
}

# show between adds sees them (the window is drained first); 4.4's show
# exit()s, so the batch ends there with 0
t_show_drains() {
	reset
	{ adds 100 101; echo "route show"; adds 102; } > "$F"
	run -f mpls
	rc=$?
	n=$(grep -c '^10[01] ' /tmp/t_batch.out)
	: > "$ERR"
	check show-drains $rc 0 "$(labels) shown:$n" "100 101 shown:2"
}

# many windows: 5000 adds, all there, continuation lines and comments too
t_many() {
	reset
	{
		echo "# a comment"
		echo "route add 16 as 16 \\"
		echo "  via inet 192.168.30.102 dev eth1   # the rest"
		awk 'BEGIN { for (l = 17; l < 5016; l++)
			printf "route add %d as %d via inet 192.168.30.102 dev eth1\n", l, l }'
	} > "$F"
	run -f mpls
	rc=$?
	n=$(in_ns ip -f mpls route show | wc -l)
	: > "$ERR"
	check many $rc 0 "$n" 5000
}

# the MPLS table in short: "COUNT FIRST LAST"
summary() {
	in_ns ip -f mpls route show | awk '{ print $1 }' | sort -n |
		awk 'NR == 1 { f = $1 } { l = $1 } END { print NR, f, l }'
}

# -noack: 600 adds in one no-ACK window, the one of line 301 (label 400)
# refused by the kernel mid-window: that line is reported, the 299 adds
# after it that the kernel made are deleted again; on the wire, 599 adds
# without NLM_F_ACK (0x601) and one barrier (0x605).  With -force every
# line is tried, the failure reported once.
t_noack() {
	reset
	in_ns ip -f mpls route add 400 as 7 via inet 192.168.30.102 dev eth1
	adds $(seq 100 699) > "$F"
	in_ns "$BUILD/testsuite/tools/nlmon_dump" -q /tmp/t_batch.req nlmon0 -- \
		"$IPMPLS" -noack -f mpls -batch "$F" > /tmp/t_batch.out 2> "$ERR"
	rc=$?
	w=$(grep -c '^RTM_NEWROUTE 0x601 ' /tmp/t_batch.req)
	a=$(grep -c '^RTM_NEWROUTE 0x605 ' /tmp/t_batch.req)
	d=$(grep -c '^RTM_DELROUTE' /tmp/t_batch.req)
	check noack-stop $rc 1 "$(summary) noack $w ack $a deleted $d" \
		"301 100 400 noack 599 ack 1 deleted 299" \
		"RTNETLINK answers: File exists" "Command failed $F:301"
	[ "$(grep -c 'Command failed' "$ERR")" = 1 ] ||
		echo "FAIL lab-batch-noack-stop-once: \"Command failed\" not once"
	reset
	in_ns ip -f mpls route add 400 as 7 via inet 192.168.30.102 dev eth1
	run -noack -force -f mpls
	check noack-force $? 1 "$(summary)" "600 100 699" \
		"RTNETLINK answers: File exists" "Command failed $F:301"
	[ "$(grep -c 'Command failed' "$ERR")" = 1 ] ||
		echo "FAIL lab-batch-noack-force-once: \"Command failed\" not once"
	rm -f /tmp/t_batch.req
}

# -noack over windows: 6000 adds (two no-ACK windows of up to 4096), the
# one of line 4500 refused: lines 1..4500's routes stay, nothing after
t_noack_windows() {
	reset
	in_ns ip -f mpls route add 4515 as 7 via inet 192.168.30.102 dev eth1
	adds $(seq 16 6015) > "$F"
	run -noack -f mpls
	check noack-windows $? 1 "$(summary)" "4500 16 4515" \
		"RTNETLINK answers: File exists" "Command failed $F:4500"
	reset
	adds $(seq 16 6015) > "$F"
	run -noack -f mpls
	rc=$?
	: > "$ERR"
	check noack-windows-ok $rc 0 "$(summary)" "6000 16 6015"
}

# the fast path (ip/batch_fast.c) against each line read in full
# (IPMPLS_NOMEMO=1) on the kernel: labels counting across 99->100 and
# 999->1000, routes that exist already (File exists: mid-window failures),
# a repeated line, a reserved label, odd lines that read as before; with
# and without -force and -noack: stdout, stderr, exit code and the table
t_fast_same() {
	for o in "" "-force" "-noack" "-noack -force"; do
		{ adds $(seq 90 130)
		  echo "route add 131 as 131 via inet 192.168.30.102 dev eth1 # c"
		  adds 132 132 133
		  echo "route add  134 as 134 via inet 192.168.30.102 dev eth1"
		  adds $(seq 135 990) 500 $(seq 991 1010) 15 $(seq 1011 1100)
		} > "$F"
		for m in fast full; do
			reset
			in_ns ip -f mpls route add 700 as 7 via inet \
				192.168.30.102 dev eth1
			if [ $m = full ]; then
				in_ns env IPMPLS_NOMEMO=1 "$IPMPLS" -f mpls $o \
					-batch "$F" \
					> /tmp/t_batch.$m 2> /tmp/t_batch.$m.err
			else
				in_ns "$IPMPLS" -f mpls $o -batch "$F" \
					> /tmp/t_batch.$m 2> /tmp/t_batch.$m.err
			fi
			echo "rc $?" >> /tmp/t_batch.$m
			labels >> /tmp/t_batch.$m
		done
		name="fast-same${o:+ $o}"
		name=$(echo "$name" | tr ' ' '_')
		if cmp -s /tmp/t_batch.fast /tmp/t_batch.full &&
		   cmp -s /tmp/t_batch.fast.err /tmp/t_batch.full.err &&
		   grep -q "Command failed $F:" /tmp/t_batch.fast.err; then
			echo "PASS lab-batch-$name"
		else
			echo "FAIL lab-batch-$name: fast and full differ" \
				"($(head -c 200 /tmp/t_batch.fast.err | tr '\n' ' '))"
		fi
	done
	rm -f /tmp/t_batch.fast /tmp/t_batch.full /tmp/t_batch.*.err
}

if ! labns_setup "$NS" >/dev/null 2>&1; then
	echo "FAIL lab-batch: labns_setup"
	labns_cleanup "$NS"
	exit 0
fi
t_stop_undo
t_force
t_platform
t_dup
t_badarg
t_show_drains
t_refusal_then_badword
t_foreseen reserved "route add 15 as 7 via inet 192.168.30.102 dev eth1"
t_foreseen platform "route add 1000 as 7 via inet 192.168.30.102 dev eth1"
t_foreseen implnull "route add 102 as 7/3 via inet 192.168.30.102 dev eth1"
t_many
t_noack
t_noack_windows
t_fast_same
reset
labns_cleanup "$NS"
rm -f "$F" "$ERR" /tmp/t_batch.out
exit 0
