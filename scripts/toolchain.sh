#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the ia64-linux-gnu cross gcc (C only, freestanding) from Debian's
# gcc-12-source into $PVIA64_CACHE/toolchain.  binutils come from Debian's
# binutils-ia64-linux-gnu and are linked beside gcc so Kbuild finds them.
# A second run is a no-op once the stamp matches the source version.
. "$(dirname "$0")/lib.sh"

SRC_TAR=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
PATCHDIR=/usr/src/gcc-12/patches
[ -f "$SRC_TAR" ] || die "$SRC_TAR missing: run scripts/deps.sh"

ver=$(dpkg-query -W -f='${Version}' gcc-12-source)-$(dpkg-query -W -f='${Version}' binutils-ia64-linux-gnu)-1
stamp=$TOOLCHAIN_DIR/.stamp

link_binutils() {
	local t
	mkdir -p "$TOOLCHAIN_DIR/bin"
	for t in /usr/bin/ia64-linux-gnu-*; do
		case "$t" in *-gcc*|*-cpp) continue ;; esac
		ln -sf "$t" "$TOOLCHAIN_DIR/bin/"
	done
}

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$ver" ] &&
   "$TOOLCHAIN_DIR/bin/ia64-linux-gnu-gcc" --version >/dev/null 2>&1; then
	link_binutils
	exit 0
fi

log "building the ia64 cross gcc (about 8 minutes on 2 cores)"
work=$PVIA64_CACHE/gcc-build
rm -rf "$work" "$TOOLCHAIN_DIR"
mkdir -p "$work"
tar -C "$work" -xf "$SRC_TAR"
src=$(echo "$work"/gcc-12.2.0*)
[ -d "$src" ] || die "unexpected layout of $SRC_TAR"
# The dfsg tarball lacks the GFDL manuals; Debian's patch makes the build
# not need them.  The selective-scheduling patch avoids a known ia64 ICE.
(cd "$src" && patch -p2 -s < "$PATCHDIR/gcc-gfdl-build.diff")
(cd "$src" && patch -p2 -s < "$PATCHDIR/ia64-disable-selective-scheduling.diff") ||
	log "note: ia64-disable-selective-scheduling.diff did not apply"

mkdir -p "$work/obj"
cd "$work/obj"
link_binutils
export PATH="$TOOLCHAIN_DIR/bin:$PATH"
"$src/configure" --prefix="$TOOLCHAIN_DIR" --target=ia64-linux-gnu \
	--with-as=/usr/bin/ia64-linux-gnu-as --with-ld=/usr/bin/ia64-linux-gnu-ld \
	--enable-languages=c --without-headers --with-newlib \
	--disable-shared --disable-threads --disable-multilib --disable-nls \
	--disable-libssp --disable-libquadmath --disable-libgomp \
	--disable-libatomic --disable-libsanitizer --disable-libvtv \
	--disable-libstdcxx --disable-decimal-float --disable-bootstrap \
	--disable-werror > "$work/configure.log" 2>&1 ||
	{ tail -30 "$work/configure.log"; die "gcc configure failed"; }
make -j"$JOBS" all-gcc all-target-libgcc > "$work/build.log" 2>&1 ||
	{ tail -40 "$work/build.log"; die "gcc build failed (log: $work/build.log)"; }
make install-gcc install-target-libgcc > "$work/install.log" 2>&1 ||
	{ tail -20 "$work/install.log"; die "gcc install failed"; }
link_binutils
echo "$ver" > "$stamp"
rm -rf "$work"
log "toolchain ready: $("$TOOLCHAIN_DIR/bin/ia64-linux-gnu-gcc" --version | head -1)"
