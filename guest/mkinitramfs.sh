#!/bin/sh
# SPDX-License-Identifier: MIT
# Build a gzip'd newc cpio initramfs holding /init (the given program) and
# /dev/console, with the host's cpio and gzip.  The console node is made
# only if mknod is allowed here; otherwise the kernel's built-in initramfs
# supplies /dev/console and init creates one itself if it is missing.
#   usage: mkinitramfs.sh <init-binary> <output.cpio.gz>
set -eu
[ $# -eq 2 ] || { echo "usage: $0 <init-binary> <output.cpio.gz>" >&2; exit 2; }
init=$1
out=$2
[ -f "$init" ] || { echo "$0: $init: no such file" >&2; exit 1; }
for tool in cpio gzip; do
	command -v $tool >/dev/null || { echo "$0: $tool not installed" >&2; exit 1; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dev" "$stage/proc" "$stage/sys"
cp "$init" "$stage/init"
chmod 0755 "$stage/init"
mknod -m 0600 "$stage/dev/console" c 5 1 2>/dev/null ||
	echo "$0: note: cannot mknod here; /dev/console left to the kernel" >&2

# Sorted names and fixed owner give the same archive for the same input.
outabs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
(cd "$stage" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) |
	gzip -9 -n > "$outabs"
echo "$out: $(wc -c < "$outabs") bytes"
