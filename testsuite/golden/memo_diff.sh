#!/bin/sh
# testsuite/golden/memo_diff.sh: the memo of repeated line shapes
# (lib/route_memo.c) changes nothing.  Generated batch files (random but
# seeded: label routes, label stacks, `as to`, inet/inet6 vias, IP routes
# with encap mpls and ttl, metrics, nexthops, repeated keywords, del and
# replace, and errors such as bad labels, bad addresses and unknown devices
# in the middle) run through ipmpls -batch with the memo and with it off
# (IPMPLS_NOMEMO=1), with and without -f mpls, -force, -noack: the requests
# (IPMPLS_RECORD), stdout, stderr and the exit code must be identical.
# The same for ipmpls -batch's fast path (ip/batch_fast.c, off with the
# memo): runs of lines of one shape whose labels count up across 99->100,
# 999->1000..., with changed vias, and in their middle what the fast path
# must hand to the full reader: comments, quotes, tabs, CRLF, blank lines,
# double and leading blanks, continuations, duplicate lines, bad words, a
# changed or unknown dev, hex and octal labels, reserved labels, a NUL
# byte; with kernel answers (IPMPLS_RESPONSES) that refuse some adds.
# Prints "PASS memo/NAME" or "FAIL memo/NAME: why".  (BUILD=DIR as run.sh;
# MEMO_FILES=N files per seed set, 12 by default.)
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
IPMPLS=$BUILD/ip/ipmpls
if [ ! -x "$IPMPLS" ]; then
	echo "SKIP memo: $IPMPLS not built"
	exit 0
fi
T=$(mktemp -d /tmp/ipmpls-memo.XXXXXX) || exit 1
RESP=
trap 'rm -rf "$T"' EXIT INT TERM

# gen SEED LINES ERRPCT: a batch file; most lines keep the line before's
# shape with new values, some change it, ERRPCT in 1000 are bad
gen() {
	awk -v seed="$1" -v n="$2" -v errpm="$3" '
	function lab() { r = rand()
		if (r < 0.05) return 1048575
		if (r < 0.08) return sprintf("0x%x", 16 + int(rand() * 4000))
		return 16 + int(rand() * 100000) }
	function v4() { return sprintf("10.%d.%d.%d", int(rand() * 256),
				       int(rand() * 256), 1 + int(rand() * 254)) }
	function v6() { return sprintf("2001:db8::%x", 1 + int(rand() * 65000)) }
	function badlab() { r = int(rand() * 6)
		if (r == 0) return "1048576"
		if (r == 1) return "abc"
		if (r == 2) return "12x"
		if (r == 3) return "-1"
		if (r == 4) return "99999999999"
		return "100/200/" }
	function line(s) {
		if (s == 0) return "route add " lab() " as " lab() \
			" via inet " v4() " dev lo"
		if (s == 1) return "route add " lab() " as " lab() "/" lab() \
			" via inet " v4() " dev lo"
		if (s == 2) return "route add " lab() " via inet6 " v6() " dev lo"
		if (s == 3) return "route add " lab() " as to " lab() \
			" via inet 192.168.30.102 dev lo metric 7"
		if (s == 4) return "route add " int(rand() * 223 + 1) ".4." \
			int(rand() * 256) ".0/24 encap mpls " lab() \
			" via inet 192.168.30.102 dev lo"
		if (s == 5) return "route add " v4() "/32 encap mpls " lab() \
			"/" lab() " ttl 5 via inet " v4() " dev lo mtu 1400"
		if (s == 6) return "route add 2001:db8:" sprintf("%x", \
			int(rand() * 65000)) "::/64 encap mpls " lab() \
			" via inet6 fe80::1 dev lo"
		if (s == 7) return "route add " lab() " as " lab() \
			" via inet " v4() " dev lo as " lab()
		if (s == 8) return "route add " lab() " nexthop via inet " \
			v4() " dev lo nexthop via inet " v4() " dev lo"
		if (s == 9) return "route replace " lab() " as " lab() \
			" via inet " v4() " dev lo"
		if (s == 10) return "route del " lab()
		if (s == 11) return "route add " lab() " as " lab() \
			" via inet " v4() " dev lo ttl-propagate disabled"
		if (s == 12) return "route add " lab() " via inet " v4() \
			" dev lo proto 4 table 100"
		return "route add to " lab() " as " lab() " via " v4() " dev lo"
	}
	function bad(s) { r = int(rand() * 7)
		if (r == 0) return "route add " badlab() " as 17 via inet 10.0.0.1 dev lo"
		if (r == 1) return "route add 17 as " badlab() " via inet 10.0.0.1 dev lo"
		if (r == 2) return "route add 17 as 18 via inet 10.0.0.300 dev lo"
		if (r == 3) return "route add 17 as 18 via inet 10.0.0.1 dev nosuch0"
		if (r == 4) return "route add 10.1.1.0/24 encap mpls " badlab() \
			" via inet 10.0.0.1 dev lo"
		if (r == 5) return "route add 17 as 18 via inet 10.0.0.1 dev"
		return "route add 3 as 18 via inet 10.0.0.1 dev lo"
	}
	BEGIN { srand(seed); s = 0
		for (i = 0; i < n; i++) {
			if (rand() < 0.1) s = int(rand() * 14)
			if (rand() * 1000 < errpm) print bad(s)
			else print line(s)
		}
	}'
}

# the lines of the fast path's files: shape(S, LABEL, V) the line of shape
# S (7 IP routes, 2 too with "ip"), odd(LINE, LABEL) a variant that reads
# as before (the parse errors stop a batch, as in 4.4), bad() one with a
# bad word; r < 0 picks the variant at random
FAST_AWK='
	function shape(s, l, v) {
		if (s == 0) return "route add " l " as " l \
			" via inet 10.0.0." v " dev lo"
		if (s == 1) return "route add " l " as " l "/" (l + 7) \
			" via inet 192.168.30.102 dev lo"
		if (s == 2) return "route add 10.4." (l % 256) ".0/24 encap mpls " \
			l " via inet 192.168.30.102 dev lo"
		if (s == 3) return "route add " l " via inet 10." (l % 200) \
			".0." v " dev lo"
		if (s == 4) return "route add " l " via inet6 2001:db8::" v \
			" dev lo"
		if (s == 5) return "route add to " l " as to " l \
			" via inet 10.0.0." v " dev lo"
		if (s == 7) return "route add 10." (l % 256) "." \
			(int(l / 256) % 256) ".0/24 via 10.0.0." v " dev lo metric 5"
		return "r a " l " as " (l + 1) " via inet 10.0.0.1 dev lo metric 5"
	}
	function lab(line, l, w) { sub(" " l " ", " " w " ", line); return line }
	function odd(line, l, r) { if (r < 0) r = int(rand() * 19)
		if (r == 0) return line " # a comment"
		if (r == 1) return "# " line
		if (r == 2) { if (line !~ / as to / && sub(/ as /, " as \"", line))
				sub(/ via/, "\" via", line)
			return line }
		if (r == 3) { sub(/ via /, "\tvia ", line); return line }
		if (r == 4) return line "\r"
		if (r == 5) return ""
		if (r == 6) return "   "
		if (r == 7) { sub(/ as /, "  as ", line); return line }
		if (r == 8) return " " line
		if (r == 9) return line " "
		if (r == 10) { sub(/ via /, " \\\nvia ", line); return line }
		if (r == 11) { sub(/ dev lo/, " oif lo", line); return line }
		if (r == 12) return lab(line, l, sprintf("0x%x", l))
		if (r == 13) return lab(line, l, l ~ /[89]/ ? l : "0" l)
		if (r == 14) return lab(line, l, 3)
		if (r == 15) return lab(line, l, "\047" l "\047")
		if (r == 16) { sub(/metric 5/, "metric 7", line); return line }
		if (r == 17) return lab(line, l, substr(l, 1, length(l) - 1) "#")
		return line "\n" line
	}
	function bad(line, l, r) { if (r < 0) r = int(rand() * 9)
		if (r == 0) { sub(/ dev lo/, " dev nosuch0", line); return line }
		if (r == 1) return lab(line, l, l "x")
		if (r == 2) return lab(line, l, 1048576)
		if (r == 3) { sub(/ via inet [0-9.]+/, " via inet 10.0.0.300",
			line); return line }
		if (r == 4) return lab(line, l, l "\377")
		if (r == 5) { sub(/ dev lo/, " dev l0", line); return line }
		if (r == 6) { sub(/ via /, " vIa ", line); return line }
		if (r == 7) return lab(line, l, substr(l, 1, length(l) - 1) "\"")
		return lab(line, l, substr(l, 1, length(l) - 1) " 3")
	}
'
FAST_BAD=9	# bad() variants (odd(): 19)

# gen_fast SEED LINES BADLINE [ip]: runs of one shape, counting up, odd
# lines among them, and at line BADLINE (0: none) a bad word
gen_fast() {
	awk -v seed="$1" -v n="$2" -v badline="$3" -v ip="$4" "$FAST_AWK"'
	BEGIN { srand(seed); s = 0; l = 90
		for (i = 1; i <= n; i++) {
			if (ip == "ip" && (i == 1 || rand() < 0.03))
				s = rand() < 0.5 ? 2 : 7
			else if (ip != "ip" && rand() < 0.03) {
				s = int(rand() * 7)
				if (s == 2) s = 0
			}
			if (rand() < 0.03)
				l = int(rand() * 4) == 0 ? 99990 : 990
			l++
			line = shape(s, l, 1 + i % 200)
			if (i == badline) line = bad(line, l, -1)
			else if (rand() < 0.08) line = odd(line, l, -1)
			print line
		}
	}'
}

# gen_each SHAPE [BAD]: each odd variant after 5 lines of SHAPE, or BAD
# (a bad variant) after 20
gen_each() {
	awk -v s="$1" -v badr="${2:--1}" "$FAST_AWK"'
	BEGIN { l = 95
		for (r = 0; r < (badr < 0 ? 19 : 1); r++) {
			for (i = 0; i < (badr < 0 ? 5 : 20); i++)
				print shape(s, ++l, 1 + l % 200)
			l++
			if (badr < 0)
				print odd(shape(s, l, 7), l, r)
			else
				print bad(shape(s, l, 7), l, badr)
			print shape(s, ++l, 9)
		}
	}'
}

# answers for the adds: ACKs, a refusal (File exists) every 53rd
gen_answers() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "NLMSG_ERROR 0x100 24000000020000010000000000000000" \
			       "%s3c000000180005060000000000000000\n",
			       i % 53 ? "00000000" : "efffffff"
	}'
}

# one file, one option set: with and without the memo, all compared
check() {
	name=$1 file=$2
	shift 2
	for m in memo nomemo; do
		if [ $m = nomemo ]; then
			IPMPLS_NOMEMO=1 IPMPLS_RESPONSES=$RESP \
			IPMPLS_RECORD=$T/req.$m "$IPMPLS" "$@" \
				-batch "$file" > "$T/out.$m" 2> "$T/err.$m"
		else
			IPMPLS_RESPONSES=$RESP IPMPLS_RECORD=$T/req.$m \
			"$IPMPLS" "$@" \
				-batch "$file" > "$T/out.$m" 2> "$T/err.$m"
		fi
		echo $? > "$T/rc.$m"
	done
	for f in req out err rc; do
		if ! cmp -s "$T/$f.memo" "$T/$f.nomemo"; then
			cp "$file" "/tmp/memo-fail-$name.batch"
			echo "FAIL memo/$name: $f differs ($*;" \
				"the file: /tmp/memo-fail-$name.batch)"
			return
		fi
	done
	if [ ! -s "$T/req.memo" ]; then
		echo "FAIL memo/$name: no request sent ($*)"
		return
	fi
	echo "PASS memo/$name"
}

files=${MEMO_FILES:-12}
i=1
while [ "$i" -le "$files" ]; do
	gen "$i" 400 0 > "$T/clean$i"
	gen "$((i + 100))" 400 15 > "$T/bad$i"
	check "clean$i-mpls" "$T/clean$i" -f mpls
	check "clean$i-ip" "$T/clean$i"
	check "clean$i-noack" "$T/clean$i" -f mpls -noack
	check "bad$i-mpls" "$T/bad$i" -f mpls
	check "bad$i-mpls-force" "$T/bad$i" -f mpls -force
	check "bad$i-ip-force" "$T/bad$i" -force
	check "bad$i-noack-force" "$T/bad$i" -f mpls -noack -force
	i=$((i + 1))
done

# the fast path: clean runs, odd lines, kernel refusals, a bad word in the
# middle, a NUL byte
gen_answers 3000 > "$T/answers"
i=1
while [ "$i" -le "$files" ]; do
	gen_fast "$((i + 200))" 600 0 > "$T/fast$i"
	gen_fast "$((i + 300))" 600 "$((200 + i * 37))" > "$T/fastbad$i"
	gen_fast "$((i + 400))" 600 0 ip > "$T/fastip$i"
	check "fastip$i-ip-force" "$T/fastip$i" -force
	check "fastip$i-ip-noack" "$T/fastip$i" -noack
	for f in fast fastbad; do
		check "$f$i-mpls" "$T/$f$i" -f mpls
		check "$f$i-noack-force" "$T/$f$i" -f mpls -noack -force
		RESP=$T/answers	# the kernel's answers, refusals among them
		check "$f$i-refused" "$T/$f$i" -f mpls
		check "$f$i-refused-force" "$T/$f$i" -f mpls -force
		check "$f$i-refused-noack" "$T/$f$i" -f mpls -noack
		check "$f$i-refused-noack-force" "$T/$f$i" -f mpls -noack -force
		RESP=
	done
	i=$((i + 1))
done
# each variant, on each shape (2 and 7: IP routes)
for sh in 0 1 3 4 5 6 2 7; do
	o="-f mpls"
	[ "$sh" -ge 7 ] || [ "$sh" = 2 ] && o=
	gen_each "$sh" > "$T/each$sh"
	check "each$sh" "$T/each$sh" $o -force
	check "each$sh-noack" "$T/each$sh" $o -noack
	r=0
	while [ "$r" -lt "$FAST_BAD" ]; do
		gen_each "$sh" "$r" > "$T/each$sh-$r"
		check "each$sh-bad$r" "$T/each$sh-$r" $o -force
		r=$((r + 1))
	done
done
{ gen_fast 7 40 0; printf 'route add 131 as 131 via inet 10.0.0.1 de\000v lo\n'
  gen_fast 8 10 0; } > "$T/nul"
check "fast-nul-force" "$T/nul" -f mpls -force
