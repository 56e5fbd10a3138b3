#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make run`: the main job.  Boots the vmlinux built with the series on the
# emulator, natively (bare-metal firmware, ACPI, UART), with the guest
# initramfs, and shows its serial console until the init's tests finish
# and the machine powers off.  The same vmlinux under the hypervisor joins
# here when the hypervisor boots (see the issues).
#   CPUS=N make run      number of CPUs (default 1)
. "$(dirname "$0")/lib.sh"
toolchain_env
vm=$KERNEL_DIR/build/vmlinux
emu=$PVIA64_TOP/emulator/build/ia64emu
[ -f "$vm" ] || die "no vmlinux: run 'make vmlinux'"
make -s -C "$PVIA64_TOP/emulator" build/ia64emu || die "emulator build failed"
make -s -C "$PVIA64_TOP/guest" >/dev/null || die "guest init build failed"
log "booting $vm natively on the emulator (${CPUS:-1} CPU(s)); console follows"
rc=0
IA64EMU_STATS=1 "$emu" boot "$vm" --cpus "${CPUS:-1}" \
	--initrd "$PVIA64_TOP/guest/build/initramfs.cpio.gz" \
	--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca" || rc=$?
log "emulator exit status $rc (0 = clean power-off)"
exit $rc
