#!/bin/sh
# testsuite/lab/uml-init.sh: the init (pid 1) of the lab's user-mode-linux guest
# Run by uml.sh, never by hand.  Topology: none (lo only).  Mounts proc, sys,
# tmpfs on /run and /tmp (when the project lives under /tmp, as in CI, its
# folder there is bound back into the fresh /tmp), loads the lab's modules,
# runs the script named in $LAB_RUN/conf in the project directory and writes
# its exit code to $LAB_RUN/rc, then halts.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
: > "$LAB_RUN/booted"
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run
. "$LAB_RUN/conf"
# a fresh /tmp; a project under /tmp (CI may clone there) stays visible
case "$TOP/" in
/tmp/*)
	top1=${TOP#/tmp/}
	top1=${top1%%/*}
	mkdir -p /run/hosttmp
	mount --bind /tmp /run/hosttmp
	mount -t tmpfs tmpfs /tmp
	mkdir -p "/tmp/$top1"
	mount --bind "/run/hosttmp/$top1" "/tmp/$top1"
	;;
*) mount -t tmpfs tmpfs /tmp ;;
esac
mount -t tmpfs tmpfs /dev/shm 2>/dev/null
stty -onlcr 2>/dev/null
export TOP BUILD

mods=/usr/lib/uml/modules/$(uname -r)/kernel
for m in lib/crc-ccitt net/ipv6/ipv6 net/ipv4/ip_tunnel net/mpls/mpls_router \
	net/mpls/mpls_iptunnel net/mpls/mpls_gso drivers/net/veth drivers/net/nlmon; do
	skip=
	for s in $LAB_SKIP_MODULES; do
		[ "$s" = "${m##*/}" ] && skip=1
	done
	[ -n "$skip" ] && continue
	insmod "$mods/$m.ko" >/dev/null 2>&1 || insmod "$mods/$m.ko.xz" >/dev/null 2>&1 ||
		echo "uml-init: could not load $m" >&2
done

cd "$TOP" || exit 1
sh "$SCRIPT" "$@" </dev/null
echo $? > "$LAB_RUN/rc"
sync
halt -f >/dev/null 2>&1
