#!/bin/sh
# testsuite/golden/memo_diff.sh: the memo of repeated line shapes
# (lib/route_memo.c) changes nothing.  Generated batch files (random but
# seeded: label routes, label stacks, `as to`, inet/inet6 vias, IP routes
# with encap mpls and ttl, metrics, nexthops, repeated keywords, del and
# replace, and errors such as bad labels, bad addresses and unknown devices
# in the middle) run through ipmpls -batch with the memo and with it off
# (IPMPLS_NOMEMO=1), with and without -f mpls, -force, -noack: the requests
# (IPMPLS_RECORD), stdout, stderr and the exit code must be identical.
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

# one file, one option set: with and without the memo, all compared
check() {
	name=$1 file=$2
	shift 2
	for m in memo nomemo; do
		if [ $m = nomemo ]; then
			IPMPLS_NOMEMO=1 IPMPLS_RECORD=$T/req.$m "$IPMPLS" "$@" \
				-batch "$file" > "$T/out.$m" 2> "$T/err.$m"
		else
			IPMPLS_RECORD=$T/req.$m "$IPMPLS" "$@" \
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
