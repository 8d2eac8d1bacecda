#!/bin/sh
# testsuite/golden/monitor_file.sh: `ipmpls monitor file FILE` against Debian's ip 6.1
# Topology: none (no kernel): reads the saved streams testsuite/data/rtmon/*.rtmon
# (recorded by testsuite/data/rtmon/record.sh with `rtmon file`) and compares
# ipmpls's output with what `ip monitor file` 6.1 printed for them
# (NAME.ip, and NAME.ip-mpls for -f mpls), recorded beside them.  ip also
# prints links, addresses and neighbours, which ipmpls leaves out: those
# lines are taken out of ip's text first; runs of blanks and trailing blanks
# aside (4.4's route text spaces IPv6 routes differently), the rest must be
# identical, every "Timestamp:" line included.  Then bad files: missing,
# truncated, garbage.  Prints PASS/FAIL lines.  The lab (t_ops.sh) runs it
# on a stream it saved: MF_DIR (the folder of NAME.rtmon, NAME.ip,
# NAME.ip-mpls), MF_PREFIX (the test names' prefix), MF_STREAMS_ONLY=1 (no
# bad-file tests).
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=.}"
: "${IPMPLS:=$BUILD/ip/ipmpls}"
D=${MF_DIR:-testsuite/data/rtmon}
P=${MF_PREFIX:-golden/monitor-file}
T=${TMPDIR:-/tmp}/monitor_file.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

ok() {
	if [ "$2" = 0 ]; then echo "PASS $P/$1"; else echo "FAIL $P/$1: $3"; fi
}

# ip's text without its link, address and neighbour messages
routes_only() {
	awk '
	/^Timestamp: / { print; skip = 0; next }
	/^(Deleted )?[0-9]+: [^ ]+: </ { skip = 1; next }		# link
	/^(Deleted )?[0-9]+: [^ ]+ +inet6? / { skip = 1; next }	# address
	/^    / && skip { next }			# their second lines
	/ lladdr |(INCOMPLETE|REACHABLE|STALE|DELAY|PROBE|FAILED|NOARP|PERMANENT) *$/ {
		skip = 0; next }				# neighbour
	{ skip = 0; print }' "$1"
}

squeeze() {
	tr -s ' ' < "$1" | sed 's/ $//'
}

for f in $D/*.rtmon; do
	n=$(basename "$f" .rtmon)
	for v in ip ip-mpls; do
		[ -f "$D/$n.$v" ] || continue
		fam=
		[ $v = ip-mpls ] && fam="-f mpls"
		routes_only "$D/$n.$v" > "$T/want"
		TZ=UTC "$IPMPLS" $fam monitor file "$f" > "$T/got" 2> "$T/err"
		rc=$?
		squeeze "$T/want" > "$T/want.s"
		squeeze "$T/got" > "$T/got.s"
		[ $rc = 0 ] && [ ! -s "$T/err" ] && [ -s "$T/got" ] &&
			cmp -s "$T/want.s" "$T/got.s"
		ok "$n-$v" $? "rc $rc; $(diff "$T/want.s" "$T/got.s" | head -n 6 | tr '\n' '|')"
	done
	# (the last run was -f mpls) MPLS routes and netconf lines print
	# exactly as ip 6.1 prints them, multipath routes aside (4.5's text)
	cp "$T/got" "$T/full"
	grep -v '^Timestamp\|^	nexthop\|^\(Deleted \)\?[0-9]* $' "$T/full" > "$T/got.m"
	grep -v '^Timestamp\|^	nexthop\|^\(Deleted \)\?[0-9]* $' "$T/want" > "$T/want.m"
	[ "$(wc -l < "$T/got.m")" -ge 2 ] && cmp -s "$T/got.m" "$T/want.m"
	ok "$n-exact-single-path" $? "$(diff "$T/want.m" "$T/got.m" | head -n 6 | tr '\n' '|')"
	# a cut stream: what came before, then an error naming the file, exit 1
	size=$(wc -c < "$f")
	head -c $((size - 10)) "$f" > "$T/cut.rtmon"
	TZ=UTC "$IPMPLS" -f mpls monitor file "$T/cut.rtmon" > "$T/cut.out" 2> "$T/cut.err"
	rc=$?
	lines=$(wc -l < "$T/cut.out")
	[ $rc = 1 ] && [ "$lines" -gt 0 ] &&
		grep -q "^ipmpls: \"$T/cut.rtmon\": truncated message at byte [0-9]* ([0-9]* bytes left)$" "$T/cut.err" &&
		head -n "$lines" "$T/full" | cmp -s - "$T/cut.out"
	ok "$n-truncated" $? "rc $rc, $lines lines: $(cat "$T/cut.err")"
done
[ "${MF_STREAMS_ONLY:-0}" = 1 ] && exit 0
printf 'garbage\n' > "$T/garbage"
"$IPMPLS" monitor file "$T/garbage" > "$T/out" 2> "$T/err"
rc=$?
[ $rc = 1 ] && [ ! -s "$T/out" ] && grep -q "\"$T/garbage\": truncated message at byte 0 (8 bytes left)" "$T/err"
ok garbage $? "rc $rc: $(cat "$T/err")"
printf '\003\000\000\000\030\000\000\000\000\000\000\000\000\000\000\000' > "$T/short"
"$IPMPLS" monitor file "$T/short" > "$T/out" 2> "$T/err"
rc=$?
[ $rc = 1 ] && grep -q "\"$T/short\": malformed message at byte 0" "$T/err"
ok malformed $? "rc $rc: $(cat "$T/err")"
"$IPMPLS" monitor file "$T/nosuch" > "$T/out" 2> "$T/err"
rc=$?
[ $rc = 255 ] && grep -q "^Cannot fopen \"$T/nosuch\": No such file or directory$" "$T/err"
ok missing $? "rc $rc: $(cat "$T/err")"
: > "$T/empty"
"$IPMPLS" monitor file "$T/empty" > "$T/out" 2> "$T/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]
ok empty $? "rc $rc: $(cat "$T/err")"
"$IPMPLS" monitor file > "$T/out" 2> "$T/err"
rc=$?
[ $rc = 255 ] && grep -q 'Command line is not complete' "$T/err"
ok no-file-word $? "rc $rc: $(cat "$T/err")"
