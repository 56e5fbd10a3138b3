#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make run`: the main job.  Today: toolchain, kernel tree with the series,
# vmlinux, the emulator; then show what the emulator makes of the kernel
# (entry point and the first bundles, decoded).  Booting natively and under
# the hypervisor is added here as the platform and hypervisor land.
. "$(dirname "$0")/lib.sh"
toolchain_env
vm=$KERNEL_DIR/build/vmlinux
[ -f "$vm" ] || die "no vmlinux: run 'make vmlinux'"
emu=$PVIA64_TOP/emulator/build/ia64emu
log "vmlinux: $vm ($(stat -c %s "$vm") bytes)"
ia64-linux-gnu-readelf -h "$vm" | grep -E 'Entry|Machine'
if [ -x "$emu" ] && "$emu" --help 2>&1 | grep -q boot; then
	exec "$emu" boot "$vm" "$@"
fi
log "the emulator cannot boot a kernel yet (platform: issue 4); showing its decode of _start"
start=$(ia64-linux-gnu-nm "$vm" | awk '$3 == "_start" { print $1 }')
[ -x "$emu" ] && "$emu" dis "$vm" 2>/dev/null | grep -A12 -m1 "^${start#0x}" || true
