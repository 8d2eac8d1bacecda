#!/bin/sh
# testsuite/lab/t_load.sh: load and concurrency on the real MPLS kernel
# Time limit: 900 s
# Topology: labns.sh's one namespace "tload" (eth1 192.168.30.101/24, eth2
# 192.168.40.101/24 ...); each test empties its MPLS table first.  Run in
# the UML guest (by guest.sh, or: sh testsuite/lab/uml.sh
# testsuite/lab/t_load.sh), in the project directory.  Prints one
# "PASS/FAIL lab-load-NAME" line per test.
#  - two `-batch` runs at once adding 20k labels each, 5k of them in both
#    (with -force and without): every line's result is right and no route is
#    lost or doubled;
#  - `route flush` racing a batch of adds: both exit 0, what is left is
#    whole routes, the batch's last adds (those after the flush's last dump);
#  - dumps of 100k routes while a batch adds 100k more: every dump is
#    well formed (ascending labels, none twice), and ipmpls warns "Dump was
#    interrupted" exactly when the kernel's answers carry NLM_F_DUMP_INTR
#    (captured on nlmon0); a dump that is no snapshot of the table is
#    counted: Linux 6.1 does not flag MPLS route dumps (see the README).
. testsuite/lab/labns.sh
: "${IPMPLS:=$TOP/${BUILD:-.}/ip/ipmpls}"
NLMON=$TOP/${BUILD:-.}/testsuite/tools/nlmon_dump
NS=tload
D=/tmp/t_load
VIA1="via inet 192.168.30.102 dev eth1"
VIA2="via inet 192.168.40.102 dev eth2"

in_ns() { ip netns exec "$NS" "$@"; }

# note WHAT: a progress line (not a result) with the seconds so far
T0=$(date +%s)
note() { echo "  [t_load] $(($(date +%s) - T0)) s: $*"; }

reset() {
	in_ns "$IPMPLS" -f mpls route flush dev eth1 >/dev/null 2>&1
	in_ns "$IPMPLS" -f mpls route flush dev eth2 >/dev/null 2>&1
}

# adds FIRST LAST STEP VIA: batch lines adding FIRST, FIRST+STEP .. LAST
adds() {
	awk -v a="$1" -v b="$2" -v s="$3" -v via="$4" 'BEGIN {
		for (l = a; s > 0 ? l <= b : l >= b; l += s)
			print "route add " l " as " l " " via }'
}

# dump FILE: the MPLS table as "LABEL DEV" lines, in the kernel's order
dump() {
	in_ns "$IPMPLS" -f mpls route show |
		awk '{ print $1, $NF, ($4 == $1 && NF == 9) ? "" : "bad" }' > "$1"
}

result() {
	if [ -z "$2" ]; then
		echo "PASS lab-load-$1${3:+ ($3)}"
	else
		echo "FAIL lab-load-$1: $2"
	fi
}

# judge A.in B.in A.err B.err A.rc B.rc TABLE FORCE: what each line's result
# and the table must be (awk: one pass over all of them)
judge() {
	awk -v force="$8" -v rca="$5" -v rcb="$6" -v fa="$1" -v fb="$2" \
		-v ea="$3" -v eb="$4" '
	function add(m) { if (length(bad) < 400) bad = bad "; " m }
	FILENAME == fa || FILENAME == fb { r = FILENAME == fa ? "A" : "B"
		lab[r, FNR] = $3; dev[r, FNR] = $NF; n[r] = FNR
		pos[r, $3] = FNR; next }
	FILENAME == ea || FILENAME == eb { r = FILENAME == ea ? "A" : "B"
		if ($0 ~ /^Command failed /) {
			sub(/^Command failed /, ""); k = split($0, p, ":")
			if (p[1] != (r == "A" ? fa : fb))
				add(r " names file " p[1])
			failed[r, p[k]] = 1; nf[r]++; last[r] = p[k]
		} else if ($0 == "RTNETLINK answers: File exists")
			exists[r]++
		else
			add(r " stderr: " $0)
		next }
	{ if ($3 != "") add("bad route line for " $1)
	  if (seen[$1]++) add("label " $1 " twice")
	  got[$1] = $2; ng++ }
	END {
		for (r = "A"; ; r = "B") {
			if (nf[r] != exists[r])
				add(r ": " nf[r] " failures, " exists[r] \
					" File exists")
			if ((nf[r] > 0) != ((r == "A" ? rca : rcb) == 1) ||
			    (r == "A" ? rca : rcb) > 1)
				add(r " exits " (r == "A" ? rca : rcb))
			if (!force && nf[r] > 1)
				add(r " failed " nf[r] " times")
			if (r == "B") break
		}
		want = 0
		for (r = "A"; ; r = "B") {
			o = r == "A" ? "B" : "A"
			stop = (!force && nf[r]) ? last[r] : n[r] + 1
			for (i = 1; i <= n[r]; i++) {
				l = lab[r, i]
				mine = got[l] == dev[r, i]
				if (failed[r, i]) {
					if (!((o, l) in pos))
						add(r ":" i " failed")
					if (mine || (force && got[l] == ""))
						add(r ":" i " failed" \
							" and " l " is on " \
							(got[l] == "" ? "none" : got[l]))
					continue
				}
				if (i < stop) {
					want++
					if (!mine)
						add(r ":" i " added " \
							l ", table has " got[l])
				} else if (mine && !force)
					add(r ":" i " after the" \
						" stop, " l " not undone")
			}
			if (r == "B") break
		}
		if (want != ng)
			add("table has " ng " routes, want " want)
		print substr(bad, 3)
	}' "$1" "$2" "$3" "$4" "$7" | cut -c 1-400
}

t_two_batches_force() { t_two_batches -force; }

# two batches at once, 20k adds each, 5k labels in both: 7.5k of their own
# first (both are under way when they reach the overlap), then the overlap,
# ascending in one and descending in the other, so that they meet, then
# 7.5k more of their own
t_two_batches() {
	force=$1
	reset
	{ adds 16 7515 1 "$VIA1"; adds 15016 20015 1 "$VIA1"
	  adds 7516 15015 1 "$VIA1"; } > $D/a.in
	{ adds 20016 27515 1 "$VIA2"; adds 20015 15016 -1 "$VIA2"
	  adds 27516 35015 1 "$VIA2"; } > $D/b.in
	in_ns "$IPMPLS" $force -f mpls -batch $D/a.in > /dev/null 2> $D/a.err &
	pa=$!
	in_ns "$IPMPLS" $force -f mpls -batch $D/b.in > /dev/null 2> $D/b.err &
	pb=$!
	wait $pa
	ra=$?
	wait $pb
	rb=$?
	dump $D/table
	why=$(judge $D/a.in $D/b.in $D/a.err $D/b.err $ra $rb $D/table "$force")
	result "two-batches${force}" "$why" \
		"$(wc -l < $D/table) routes; A exit $ra, $(grep -c '^Command' \
		$D/a.err) failed; B exit $rb, $(grep -c '^Command' $D/b.err) failed"
}

# route flush while a batch adds 20k routes: both exit 0 with nothing on
# stdout or stderr (but the interrupted-dump warning); every route left is
# whole and those left are the batch's last lines: everything added before
# the flush's last (empty) dump is gone
t_flush_race() {
	reset
	adds 16 20015 1 "$VIA1" > $D/a.in
	in_ns "$IPMPLS" -f mpls -batch $D/a.in > $D/a.out 2> $D/a.err &
	pa=$!
	# the flush starts once the batch has added something
	i=0
	while [ -z "$(in_ns ip -f mpls route show | head -n 1)" ] &&
		[ $i -lt 200 ] && kill -0 $pa 2>/dev/null; do
		i=$((i + 1))
	done
	in_ns "$IPMPLS" -f mpls route flush dev eth1 > $D/f.out 2> $D/f.err
	rf=$?
	wait $pa
	ra=$?
	dump $D/table
	why=
	[ $ra = 0 ] && [ ! -s $D/a.out ] && [ ! -s $D/a.err ] ||
		why="batch exits $ra: $(head -c 200 $D/a.err)"
	grep -v '^Dump was interrupted and may be inconsistent\.$' $D/f.err \
		> $D/f.err2
	[ $rf = 0 ] && [ ! -s $D/f.out ] && [ ! -s $D/f.err2 ] ||
		why="$why; flush exits $rf: $(head -c 200 $D/f.err)"
	# the labels left: whole routes, ascending, a suffix 16+k .. 20015
	bad=$(awk '$2 != "eth1" || $3 != "" { print "bad route " $1; exit }
		NR == 1 { first = $1 }
		NR > 1 && $1 != prev + 1 { print "gap after " prev; exit }
		{ prev = $1 }
		END { if (NR && prev != 20015) print "last " prev }' $D/table)
	result flush-race "${why#; }${bad:+; $bad}" \
		"$(wc -l < $D/table) of 20000 left after the flush"
}

# dumps of 100k routes (labels 16..100015) while batches add 100k (up to
# 200k) more in pairs, label 400016+i then label 200016+i: in every state of
# the table the high part holds as many of them as the low part or one
# more, so a dump showing more is no snapshot (the kernel read the low
# part first, the high part after more adds)
# churn: batches of 25k pairs (label 400016+i, then 200016+i), i from 0
# up, until $D/stop exists or 4 batches (200k adds) are done
churn() {
	for r in 0 1 2 3; do
		[ -e $D/stop ] && return 0
		awk -v v="$VIA2" -v r=$r 'BEGIN {
			for (i = r * 25000; i < (r + 1) * 25000; i++) {
				print "route add " 400016 + i " as 16 " v
				print "route add " 200016 + i " as 16 " v } }' \
			> $D/b.in
		in_ns "$IPMPLS" -f mpls -batch $D/b.in > /dev/null 2> $D/b.err ||
			return 1
	done
}

t_dump_changing() {
	reset
	adds 16 100015 1 "$VIA1" > $D/a.in
	in_ns "$IPMPLS" -f mpls -batch $D/a.in 2> $D/a.err ||
		{ result dump-changing "could not add 100k routes: $(head -c 200 \
			$D/a.err)"; return; }
	rm -f $D/stop
	churn &
	pb=$!
	why= torn=0 flagged=0 k=0 lost=0
	while [ $k -lt 3 ]; do
		in_ns "$NLMON" -a $D/ans nlmon0 -- "$IPMPLS" -f mpls route show \
			> $D/d.out 2> $D/d.err
		rc=$?
		k=$((k + 1))
		r=$(awk '
		FILENAME == ans { if ($1 == "RTM_NEWROUTE") {
				f = tolower($2); sub(/^0x/, "", f); v = 0
				for (j = 1; j <= length(f); j++)
					v = v * 16 + index("0123456789abcdef",
						substr(f, j, 1)) - 1
				if (int(v / 16) % 2) fl = 1
			}
			next }
		FILENAME == err { if ($0 ~ /^Dump was interrupted/) w = 1
			else if ($0 ~ /^nlmon_dump: [0-9]+ frames lost$/) next
			else if ($0 != "") o = o $0; next }
		{ if ($1 + 0 <= prev) bad = "labels_not_ascending_at_" $1
		  prev = $1 + 0
		  if ($1 >= 400016) hi++
		  else if ($1 >= 200016) lo++
		  else base++ }
		END { print (fl + 0) " " (w + 0) " " (hi - lo > 1 ? 1 : 0) " " \
			base + 0 " " (bad == "" ? "-" : bad) " " (o == "" ? "" : o) }
		' ans=$D/ans err=$D/d.err $D/ans $D/d.err $D/d.out)
		set -- $r
		fl=$1 w=$2 t=$3 base=$4
		shift 4
		bad=$1
		shift
		if [ "$rc" = 125 ] && grep -q 'frames lost' $D/d.err; then
			# the capture (every netlink frame of the namespace,
			# the churn's too) overflowed: the flags are unknown
			lost=$((lost + 1))
			fl=$w
		elif [ "$rc" != 0 ]; then
			why="$why; dump $k exits $rc"
		fi
		[ "$base" = 100000 ] ||
			why="$why; dump $k shows $base of the 100000 still routes"
		[ "$bad" = - ] || why="$why; dump $k: $bad"
		[ "$fl" = "$w" ] ||
			why="$why; dump $k: DUMP_INTR in the answers $fl, warned $w"
		[ $# = 0 ] || why="$why; dump $k stderr: $*"
		flagged=$((flagged + fl))
		torn=$((torn + t))
		kill -0 $pb 2>/dev/null || break
	done
	: > $D/stop
	wait $pb
	rb=$?
	[ $rb = 0 ] || why="$why; a batch exits $rb: $(head -c 200 $D/b.err)"
	result dump-changing "${why#; }" "$k dumps of 100k+ routes while more \
were added: $flagged flagged DUMP_INTR, $torn no snapshot, $lost whose \
capture lost frames"
}

rm -rf $D
mkdir -p $D
if ! labns_setup "$NS" >/dev/null 2>&1; then
	echo "FAIL lab-load: labns_setup"
	exit 0
fi
for t in ${LOAD_TESTS:-two_batches_force two_batches flush_race \
	dump_changing}; do
	note "$t"
	t_$t
done
note done
labns_cleanup "$NS"
rm -rf $D
