#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages pvia64 needs (idempotent: a no-op when all
# are present).
. "$(dirname "$0")/lib.sh"

PKGS=(
	build-essential bison flex texinfo libgmp-dev libmpfr-dev libmpc-dev
	libisl-dev zlib1g-dev xz-utils bc kmod cpio rsync ccache git
	libelf-dev libssl-dev python3
	binutils-ia64-linux-gnu gcc-12-source linux-source-6.1
	quilt sparse acpica-tools gdb-multiarch binutils-multiarch-dev
	clang libclang-rt-14-dev
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log "installing: ${missing[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
