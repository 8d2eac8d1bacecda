#!/bin/sh
# testsuite/fuzz/seeds.sh OUTDIR: seed corpora from the golden cases, one
# directory per target (OUTDIR/labels, route, sock, batch_read, showdump)
# route: each recorded kernel answer (responses) and request, a print mode
# byte first; sock: each case's answers as one datagram per message, for a
# dump, a talk and a batch (modes 4, 5, 6: seqs fixed); labels: the label
# words of the argv files (text) and two wire stacks; batch_read: the
# cases' argv and pre files (the batch cases' files are printf'd there);
# showdump: each case's answers and requests back to back (show, restore).
cd "$(dirname "$0")/../.." || exit 1
OUT=${1:?usage: seeds.sh OUTDIR}
mkdir -p "$OUT/labels" "$OUT/route" "$OUT/sock" "$OUT/batch_read" \
	"$OUT/showdump"
ls -d testsuite/data/iproute2-4.4/cases/* testsuite/data/iproute2-4.4/beyond/* \
	testsuite/golden/extra/*/ | perl -e '
use strict;
my $out = shift;
my ($nl, $nw) = (0, 0);
sub put { my ($f, $b) = @_; open(my $h, ">", $f) or die "$f: $!";
	binmode $h; print $h $b; close $h; }
sub slurp { my $f = shift; open(my $h, "<", $f) or return undef;
	local $/; my $s = <$h>; close $h; return $s; }
while (my $c = <STDIN>) {
	chomp $c; $c =~ s|/$||;
	my ($n) = $c =~ m|([^/]+)$|;
	next unless -f "$c/argv";
	for my $f ("responses", "requests") {
		my $t = slurp("$c/$f") // next;
		my ($k, $dg, $all) = (0, "", "");
		for my $l (split /\n/, $t) {
			my ($hex) = $l =~ /(\S+)\s*$/ or next;
			my $m = pack("H*", $hex);
			$k++;
			put("$out/route/$n.$f.$k", chr($k * 7 % 64) . $m);
			$dg .= pack("v", length $m) . $m if $f eq "responses";
			$all .= $m;
		}
		put("$out/showdump/$n.$f", "\x00" . $all);
		put("$out/showdump/$n.$f.restore", "\x01" . $all);
		next unless $f eq "responses" && $dg ne "";
		put("$out/sock/$n.dump", "\x04" . $dg);
		put("$out/sock/$n.talk", "\x05" . $dg);
		put("$out/sock/$n.batch", "\x06" . $dg);
	}
	my $argv = slurp("$c/argv") // "";
	for my $w (split /\s+/, $argv) {
		next unless $w =~ /^[0-9x\/]+$/ && $w =~ /[0-9]/;
		put("$out/labels/text." . ++$nl, "\x00" . $w);
	}
	put("$out/batch_read/$n.argv", $argv);
	my $pre = slurp("$c/pre");
	put("$out/batch_read/$n.pre", $pre) if defined $pre && $pre ne "";
}
# wire stacks: 100 (bottom of stack), 100/110 (TTL 255 on the last)
put("$out/labels/wire.1", "\x01\x00\x06\x41\x00");
put("$out/labels/wire.2", "\x01\x00\x06\x40\x00\x00\x06\xe1\xff");
' "$OUT"
