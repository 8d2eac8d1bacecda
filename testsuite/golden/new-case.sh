#!/bin/sh
# testsuite/golden/new-case.sh: records a new golden case in the lab (bless)
# Topology: one fresh reference-lab namespace "newcase" (testsuite/lab/
# labns.sh: eth1 (11), eth2 (12), veth0-host (13), nlmon0) in the
# user-mode-linux MPLS kernel.
# usage: sh testsuite/golden/new-case.sh [--ip PATH] NAME 'PRE' 'ARGV'
#   NAME  the case's folder, testsuite/golden/extra/NAME (a new name: not
#         one of data/iproute2-4.4/{cases,beyond} or golden/extra)
#   PRE   the set-up, as a case's `pre` file holds it: `;`-separated ip
#         arguments (run with the system's ip), or after `!` a shell command;
#         '' for none
#   ARGV  the command's arguments (a leading "ip" or "ipmpls" is dropped)
# Runs PRE, then ARGV with ipmpls ("bless": ipmpls's behaviour becomes the
# expectation) or with --ip PATH's ip (an iproute2 4.4 build: its behaviour
# is recorded, which is what a golden case should be), under nlmon_dump,
# and writes argv, pre, rc, stdout, stderr, requests and responses (when
# the kernel answered), then replays the new case in the golden group.
# Review every file before committing it (testsuite/golden/README.md).
# As root on the host, after make && make tests.
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD

if [ "$1" = --guest ]; then
	# in the guest: $2 the staging folder, $3 the command to record with
	. testsuite/lab/labns.sh
	d=$2 tool=$3 ns=newcase
	labns_setup $ns >/dev/null 2>&1 || { echo "new-case: labns_setup failed"; exit 1; }
	labns_pre "$d" $ns > "$d/.pre.out" 2>&1
	set -f
	"$BUILD/testsuite/tools/nlmon_dump" -N $ns -q "$d/requests" \
		-a "$d/responses" nlmon0 -- "$tool" $(cat "$d/argv") \
		> "$d/stdout" 2> "$d/stderr" < /dev/null
	echo $? > "$d/rc"
	set +f
	labns_cleanup $ns
	exit 0
fi

usage() {
	echo "usage: sh testsuite/golden/new-case.sh [--ip PATH] NAME 'PRE' 'ARGV'" >&2
	exit 2
}

tool=$TOP/$BUILD/ip/ipmpls
what=blessed
if [ "$1" = --ip ]; then
	[ $# -ge 2 ] || usage
	tool=$2 what=recorded
	case "$tool" in /*) ;; *) tool=$TOP/$tool ;; esac
	shift 2
fi
[ $# = 3 ] || usage
name=$1 pre=$2 argv=$3
case "$name" in
''|*[!A-Za-z0-9._-]*|.*) echo "new-case: bad name \"$name\" (letters, digits, . _ -)" >&2
	exit 2 ;;
esac
for d in testsuite/data/iproute2-4.4/cases testsuite/data/iproute2-4.4/beyond \
	testsuite/golden/extra; do
	if [ -e "$d/$name" ]; then
		echo "new-case: $d/$name exists already" >&2
		exit 2
	fi
done
argv=$(printf '%s\n' "$argv" | sed 's/^ *//; s/^\(ip\|ipmpls\)  *//')
[ -n "$argv" ] || usage
for b in "$tool" "$BUILD/testsuite/tools/nlmon_dump"; do
	[ -x "$b" ] || { echo "new-case: $b not built (make && make tests)" >&2; exit 2; }
done

stage=$TOP/testsuite/out/new-case.$$
mkdir -p "$stage" || exit 1
trap 'rm -rf "$stage"' EXIT
printf '%s\n' "$argv" > "$stage/argv"
printf '%s' "$pre" > "$stage/pre"
LAB_TIMEOUT=${LAB_TIMEOUT:-600} sh testsuite/lab/uml.sh \
	testsuite/golden/new-case.sh --guest "$stage" "$tool"
urc=$?
[ $urc = 0 ] && [ -s "$stage/rc" ] || { echo "new-case: the lab failed (uml.sh exit $urc)" >&2; exit 1; }
if [ "$(cat "$stage/rc")" = 125 ]; then
	echo "new-case: the capture failed:" >&2
	cat "$stage/stderr" >&2
	exit 1
fi
if [ -s "$stage/.pre.out" ]; then
	echo "new-case: note: the set-up printed:"
	sed 's/^/    /' "$stage/.pre.out"
fi
rm -f "$stage/.pre.out"
[ -s "$stage/responses" ] || rm -f "$stage/responses"

dest=testsuite/golden/extra/$name
mv "$stage" "$dest" || exit 1
rev=$(git rev-parse --short HEAD 2>/dev/null)
[ -n "$(git status --porcelain -- lib ip include 2>/dev/null)" ] && rev="$rev+changes"
if [ $what = blessed ]; then
	src="ipmpls's own output (tree $rev), not iproute2's: review it"
else
	src="the behaviour of $tool ($("$tool" -V 2>&1 | head -n 1))"
fi
printf '%s\n' "- \`$name\`: $what in the lab on $(date -u +%Y-%m-%d): $src." \
	>> testsuite/golden/extra/README.md
echo "new-case: wrote $dest ($what: $src):"
for f in argv pre rc stdout stderr requests responses; do
	[ -f "$dest/$f" ] || continue
	echo "--- $f"
	cat "$dest/$f"
	[ -s "$dest/$f" ] && [ "$(tail -c 1 "$dest/$f" | od -An -c | tr -d ' ')" != '\n' ] && echo
done
echo "--- the golden group replays it:"
sh testsuite/golden/run.sh "$name" | grep -E '^(PASS|FAIL|SKIP) '
echo "new-case: a line was added to testsuite/golden/extra/README.md: say there what the case shows"
