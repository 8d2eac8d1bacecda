#!/bin/sh
# testsuite/pkg/run.sh: the "pkg" group: what a distribution ships besides
# the binaries.  Run from a configured and built tree (testsuite/run.sh pkg).
#  man-lint-PAGE     groff -ww and mandoc -T lint say nothing about PAGE
#  man-render        man -l --warnings renders every page without a word
#  man-functions     every function of lib/libmplsroute.map is in the NAME
#                    of a page, and has a page of its own name (a link)
#  man-see-also      libmplsroute.3 names every per-group page
#  man-keywords      every word ipmpls's grammar compares against (ip/*.c,
#                    lib/grammar*.c) is in ipmpls.8
#  man-example       libmplsroute.3's program compiles and sends the request
#                    iproute2 4.4 sent for the same route (SKIP, naming them,
#                    while the map lacks functions it calls)
#  version           VERSION = ipmpls -V = the pages = NEWS = debian/changelog
#  debian-symbols    debian/libmplsroute0.symbols is what debian/mksymbols.sh
#                    makes of lib/libmplsroute.map (else the .deb build fails)
#  completion-*      completion/ipmpls (testsuite/pkg/completion.sh)
# Prints "PASS pkg/NAME", "FAIL pkg/NAME: why" or "SKIP pkg/NAME: why".
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$TOP" || exit 1
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
TMP=$(mktemp -d /tmp/ipmpls-pkg.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
VER=$(cat VERSION)
MAN=$BUILD/man
GEN=$MAN/gen

pass() { echo "PASS pkg/$1"; }
fail() { echo "FAIL pkg/$1: $2"; }
skip() { echo "SKIP pkg/$1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -f "$MAN/ipmpls.8" ] || [ ! -f "$GEN/pages" ]; then
	fail man "$MAN/ipmpls.8 or $GEN/pages not built (make)"
	exit 0
fi
PAGES="$MAN/ipmpls.8 $MAN/libmplsroute.3 $(sed "s|.*|$GEN/&.3|" "$GEN/pages")"

# the text of a page's source, roff escapes taken out
plain() {
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' -e 's/\\e/\\/g' \
		-e "s/\\\\(aq/'/g" "$@"
}

test_lint() {
	for p in $PAGES; do
		name=man-lint-$(basename "$p")
		if ! have groff; then skip "$name" "no groff"; continue; fi
		out=$(groff -ww -z -man "$p" 2>&1)
		if have mandoc; then
			out="$out$(mandoc -T lint "$p" 2>&1)"
		else
			out="$out (no mandoc: only groff checked)"
		fi
		case $out in
		"") pass "$name" ;;
		" (no mandoc"*) skip "$name" "groff is silent, mandoc is missing" ;;
		*) fail "$name" "$(echo "$out" | head -n 5 | tr '\n' ' ')" ;;
		esac
	done
}

test_render() {
	if ! have man; then skip man-render "no man (man-db)"; return; fi
	bad=
	for p in $PAGES; do
		out=$(MANWIDTH=80 man --warnings -l "$p" 2>&1 >/dev/null)
		n=$(MANWIDTH=80 man -l "$p" 2>/dev/null | wc -l)
		[ -z "$out" ] && [ "$n" -gt 10 ] || bad="$bad $(basename "$p"): $out ($n lines)"
	done
	if [ -z "$bad" ]; then pass man-render; else fail man-render "$bad"; fi
}

# the functions of the map; the names in the NAME sections of the pages
map_functions() {
	sed -n 's/^[ \t]*\(mplsroute_[a-z0-9_]*\);.*/\1/p' lib/libmplsroute.map |
		sort -u
}
named_functions() {
	for p in $PAGES; do
		awk '/^\.SH/ { on = ($2 == "NAME") ; next } on' "$p"
	done | plain | sed 's/ - .*//' | tr ', ' '\n\n' | grep '^mplsroute_' | sort -u
}

test_functions() {
	map_functions > "$TMP/map"
	named_functions > "$TMP/named"
	n=$(wc -l < "$TMP/map")
	missing=$(comm -23 "$TMP/map" "$TMP/named" | tr '\n' ' ')
	if [ "$n" -lt 10 ]; then
		fail man-functions "only $n functions read from lib/libmplsroute.map"
	elif [ -n "$missing" ]; then
		fail man-functions "in lib/libmplsroute.map but in no page's NAME (document them in include/mplsroute.h under a '---- TITLE ----' section): $missing"
	else
		pass man-functions
	fi
	# each function's own name is a page or a link to its group's page
	cut -d' ' -f1 "$GEN/links" | cat - "$GEN/pages" | sort -u > "$TMP/linked"
	missing=$(comm -23 "$TMP/map" "$TMP/linked" | tr '\n' ' ')
	if [ -z "$missing" ]; then pass man-function-links
	else fail man-function-links "no page nor link named: $missing"; fi
}

test_see_also() {
	missing=
	for pg in $(cat "$GEN/pages"); do
		grep -q "^\.BR $pg (3)" "$MAN/libmplsroute.3" || missing="$missing $pg"
	done
	if [ -z "$missing" ]; then pass man-see-also
	else fail man-see-also "man/libmplsroute.3.in does not name the pages:$missing"; fi
}

# the words ipmpls's grammar compares against: strings in matches(),
# strcmp(), word_is() and is_prefix() calls and in word tables
grammar_words() {
	for f in ip/*.c lib/grammar*.c; do [ -f "$f" ] && cat "$f"; done |
		grep -E 'matches\(|strcmp\(|word_is\(|is_prefix\(|^[[:space:]]*\{ "' |
		grep -o '"-\{0,2\}[a-zA-Z0-9][a-zA-Z0-9_-]*"' | tr -d '"' |
		grep -v '^[0-9]*$' | sort -u
}

test_keywords() {
	plain "$MAN/ipmpls.8" > "$TMP/ipmpls.txt"
	grammar_words > "$TMP/words"
	n=$(wc -l < "$TMP/words")
	missing=
	while read -r w; do
		grep -q -e "\(^\|[^a-zA-Z0-9_-]\)$w\([^a-zA-Z0-9_-]\|$\)" "$TMP/ipmpls.txt" ||
			missing="$missing $w"
	done < "$TMP/words"
	if [ "$n" -lt 50 ]; then
		fail man-keywords "only $n grammar words found in ip/*.c"
	elif [ -n "$missing" ]; then
		fail man-keywords "ipmpls takes, man/ipmpls.8.in does not name:$missing"
	else
		pass man-keywords
	fi
}

# libmplsroute.3's example: the functions it calls exist; it compiles
# against the built library, and its request is the seed's r2 swap
test_example() {
	awk '/^\.EX/ { ex = 1; buf = ""; next } /^\.EE/ { if (buf ~ /int main/) printf "%s", buf; ex = 0; next }
	     ex { buf = buf $0 "\n" }' "$MAN/libmplsroute.3" | plain > "$TMP/ex.c"
	if ! grep -q 'int main' "$TMP/ex.c"; then
		fail man-example "no program in libmplsroute.3"; return
	fi
	grep -o 'mplsroute_[a-z0-9_]*(' "$TMP/ex.c" | tr -d '(' | sort -u > "$TMP/called"
	map_functions > "$TMP/map"
	lack=$(comm -23 "$TMP/called" "$TMP/map" | tr '\n' ' ')
	if [ -n "$lack" ]; then
		skip man-example "waiting for the 0.2 API: lib/libmplsroute.map lacks $lack"
		return
	fi
	rec=$TOP/testsuite/data/iproute2-4.4/cases/seed-r2-swap1/requests
	if out=$(cc -Wall -Werror -I include -o "$TMP/ex" "$TMP/ex.c" \
		"$BUILD/lib/libmplsroute.a" $(pkg-config --libs libmnl) 2>&1) &&
	   out=$("$TMP/ex" "$TMP/ex.req" 2>&1) && cmp -s "$TMP/ex.req" "$rec"; then
		pass man-example
	else
		fail man-example "$(echo "$out" | head -n 3) $(cat "$TMP/ex.req" 2>/dev/null)"
	fi
}

test_version() {
	bad=
	v=$("$BUILD/ip/ipmpls" -V 2>&1)
	[ "$v" = "ipmpls utility, libmplsroute $VER" ] || bad="$bad [ipmpls -V: $v]"
	for p in $PAGES; do
		grep -q "^\.TH .* \"\(ipmpls\|libmplsroute\) $VER\"" "$p" ||
			bad="$bad [$(basename "$p"): $(grep '^\.TH' "$p")]"
	done
	n=$(sed -n '1s/^ipmpls \([^ ]*\) .*/\1/p' NEWS 2>/dev/null)
	[ "$n" = "$VER" ] || bad="$bad [NEWS starts with \"$(head -n 1 NEWS 2>/dev/null)\"]"
	if [ -f debian/changelog ]; then
		d=$(sed -n '1s/^ipmpls (\([^)-]*\)\(-[^)]*\)\{0,1\}).*/\1/p' debian/changelog)
		[ "$d" = "$VER" ] || bad="$bad [debian/changelog: $(head -n 1 debian/changelog)]"
	fi
	if [ -z "$bad" ]; then pass version; else fail version "VERSION is $VER:$bad"; fi
}

test_symbols() {
	if [ ! -f debian/mksymbols.sh ]; then
		skip debian-symbols "no debian/ (a release tarball)"; return
	fi
	sh debian/mksymbols.sh lib/libmplsroute.map "$TMP/symbols"
	if out=$(diff debian/libmplsroute0.symbols "$TMP/symbols"); then
		pass debian-symbols
	else
		fail debian-symbols "lib/libmplsroute.map changed: run sh debian/mksymbols.sh ($(echo "$out" | grep '^[<>]' | head -n 5 | tr '\n' ' '))"
	fi
}

test_lint
test_render
test_functions
test_see_also
test_keywords
test_example
test_version
test_symbols
if have bash; then
	bash testsuite/pkg/completion.sh
	bash testsuite/pkg/completion.sh nobc
else
	skip completion "no bash"
fi
