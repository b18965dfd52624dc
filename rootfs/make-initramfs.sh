#!/bin/sh
# make-initramfs.sh: stage the root file system and pack it as a cpio archive.
#
#   make-initramfs.sh BUSYBOX ETC EXTRA OUT [SOURCE:PATH]...
#
# Builds the tree afresh in OUT.root: /bin/busybox, a symlink to it for every
# applet at the path "busybox --list-full" gives, /etc from ETC, the empty
# mount points, each host file SOURCE at the absolute PATH (mode 0755 if
# SOURCE is executable, else 0644), then the contents of the host folder
# EXTRA (if not empty) on top. OUT is an uncompressed newc archive with every entry owned by
# 0:0 and dated SOURCE_DATE_EPOCH (default 0), so equal inputs give an
# identical archive. Runs BUSYBOX on the host to list its applets.
set -eu

[ $# -ge 4 ] || { echo "usage: $0 BUSYBOX ETC EXTRA OUT [SOURCE:PATH]..." >&2; exit 2; }
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
busybox=$(abs "$1")
etc=$(abs "$2")
extra=${3:+$(abs "$3")}
mkdir -p "$(dirname "$4")"
out=$(abs "$4")
root=$out.root
[ -z "$extra" ] || [ -d "$extra" ] || { echo "ROOTFS_EXTRA: $3 is not a folder" >&2; exit 1; }
echo "  CPIO    $4"
shift 4
files=
for file in "$@"; do
	source=${file%%:*}
	path=${file#*:}
	case "$path" in
	/?*) ;;
	*) echo "ROOTFS_FILES: $file is not SOURCE:/PATH" >&2; exit 1 ;;
	esac
	[ -f "$source" ] || { echo "ROOTFS_FILES: no file $source" >&2; exit 1; }
	files="$files $(abs "$source"):$path"
done

rm -rf "$root"
mkdir -p "$root"
cd "$root"

mkdir -p bin sbin usr/bin usr/sbin etc dev proc sys tmp root home
chmod 0755 . bin sbin usr usr/bin usr/sbin etc dev proc sys home
chmod 0700 root
chmod 1777 tmp

cp "$busybox" bin/busybox
chmod 0755 bin/busybox
bin/busybox --list-full | while read -r applet; do
	[ "$applet" = bin/busybox ] && continue
	mkdir -p "$(dirname "$applet")"
	ln -sfn /bin/busybox "$applet"
done
ln -sfn /bin/busybox sbin/init

# Git keeps only the execute bit, so /etc modes are set here.
cp -R "$etc/." etc/
find etc -type d -exec chmod 0755 {} +
find etc -type f ! -perm -u+x -exec chmod 0644 {} +
find etc -type f -perm -u+x -exec chmod 0755 {} +
[ ! -f etc/shadow ] || chmod 0600 etc/shadow

# Split on spaces: file names here never hold one (see rootfs.mk).
for file in $files; do
	source=${file%%:*}
	path=.${file#*:}
	mkdir -p "$(dirname "$path")"
	chmod 0755 "$(dirname "$path")"
	cp "$source" "$path"
	if [ -x "$source" ]; then chmod 0755 "$path"; else chmod 0644 "$path"; fi
done

[ -z "$extra" ] || cp -R --preserve=mode,links "$extra/." .

find . -exec touch -h -d "@${SOURCE_DATE_EPOCH:-0}" {} +
find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --reproducible --quiet >"$out.tmp"
mv "$out.tmp" "$out"
