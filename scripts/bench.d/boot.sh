#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot figures: retired slots and wall seconds from power-on to the init's
# power-off, for the unmodified kernel on 1 and 4 CPUs, and the native cost
# of the series (same boot, series kernel vs unmodified) in percent.
. "$(dirname "$0")/../lib.sh"
set +e
toolchain_env
emu=$PVIA64_TOP/emulator/build/ia64emu
make -s -C "$PVIA64_TOP/emulator" build/ia64emu >/dev/null || exit 0
make -s -C "$PVIA64_TOP/guest" >/dev/null || exit 0

boot() { # vmlinux cpus -> "slots seconds"
	IA64EMU_STATS=1 "$emu" boot "$1" --cpus "$2" --rtc-epoch 1767225600 \
		--initrd "$PVIA64_TOP/guest/build/initramfs.cpio.gz" \
		--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca" </dev/null 2>&1 |
		sed -nE 's/^ia64emu: .*; ([0-9]+) slots in ([0-9.]+) s .*/\1 \2/p' | head -1
}

native=$KERNEL_DIR/build-native/vmlinux series=$KERNEL_DIR/build/vmlinux
for n in 1 4; do
	[ -f "$native" ] || break
	read -r slots secs < <(boot "$native" $n)
	[ -n "${slots:-}" ] || continue
	echo "bench boot-native-${n}cpu: $slots slots"
	echo "bench boot-native-${n}cpu: $secs s"
	[ $n -eq 1 ] && base=$slots
done
if [ -f "$series" ] && [ -n "${base:-}" ]; then
	read -r slots secs < <(boot "$series" 1)
	[ -n "${slots:-}" ] &&
		awk -v a="$slots" -v b="$base" 'BEGIN { printf "bench pv-native-overhead: %.2f %%\n", (a - b) * 100 / b }'
fi
exit 0
