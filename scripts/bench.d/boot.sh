#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot figures: retired slots and wall seconds from power-on to the init's
# power-off, for the unmodified kernel on 1 and 4 CPUs, and the native cost
# of the series (same boot, series kernel vs unmodified) in percent.  Then
# the init's microbenchmarks (kernel argument "bench": slots per getpid
# and per first-touch page fault) on both kernels, and the series' cost
# on each in percent.
. "$(dirname "$0")/../lib.sh"
set +e
toolchain_env
emu=$PVIA64_TOP/emulator/build/ia64emu
make -s -C "$PVIA64_TOP/emulator" build/ia64emu >/dev/null || exit 0
make -s -C "$PVIA64_TOP/guest" >/dev/null || exit 0

boot() { # vmlinux cpus [extra kernel arguments] -> "slots seconds"
	IA64EMU_STATS=1 "$emu" boot "$1" --cpus "$2" --rtc-epoch 1767225600 \
		--initrd "$PVIA64_TOP/guest/build/initramfs.cpio.gz" \
		--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca${3:+ $3}" </dev/null 2>&1 |
		sed -nE 's/^ia64emu: .*; ([0-9]+) slots in ([0-9.]+) s .*/\1 \2/p' | head -1
}

# The init's bench mode -> "syscall-slots pagefault-slots"
microbench() { # vmlinux
	"$emu" boot "$1" --cpus 1 --rtc-epoch 1767225600 \
		--initrd "$PVIA64_TOP/guest/build/initramfs.cpio.gz" \
		--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca bench" </dev/null 2>&1 |
		tr -d '\r' | awk '/^pvia64-bench syscall:/ { s = $3 }
			/^pvia64-bench pagefault:/ { f = $3 }
			END { if (s != "" && f != "") print s, f }'
}

overhead() { # name series-value base-value
	awk -v n="$1" -v a="$2" -v b="$3" \
		'BEGIN { if (b > 0) printf "bench %s: %.2f %%\n", n, (a - b) * 100 / b }'
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
# The layer's native cost: both kernels boot to init doing the same work.
# The test boots above also run the KUnit suites, and the series kernel has
# suites of its own (its patch-site check alone is ~0.5 % of a boot), so
# here no suite runs on either (the boot-time library self-tests still do).
nokunit=kunit.filter_glob=pvia64-no-suite
if [ -f "$series" ] && [ -f "$native" ]; then
	read -r nslots secs < <(boot "$native" 1 $nokunit)
	read -r sslots secs < <(boot "$series" 1 $nokunit)
	if [ -n "${nslots:-}" ] && [ -n "${sslots:-}" ]; then
		echo "bench boot-to-init-native: $nslots slots"
		echo "bench boot-to-init-pv: $sslots slots"
		overhead pv-native-overhead "$sslots" "$nslots"
	fi
fi
# The same figure for the whole test boot (series suites included).
if [ -f "$series" ] && [ -n "${base:-}" ]; then
	read -r slots secs < <(boot "$series" 1)
	[ -n "${slots:-}" ] && overhead pv-test-boot-overhead "$slots" "$base"
fi
if [ -f "$series" ] && [ -f "$native" ]; then
	read -r nsys nfault < <(microbench "$native")
	read -r ssys sfault < <(microbench "$series")
	if [ -n "${nsys:-}" ] && [ -n "${ssys:-}" ]; then
		echo "bench native-syscall: $nsys slots"
		echo "bench native-pagefault: $nfault slots"
		echo "bench pv-syscall: $ssys slots"
		echo "bench pv-pagefault: $sfault slots"
		overhead pv-syscall-overhead "$ssys" "$nsys"
		overhead pv-pagefault-overhead "$sfault" "$nfault"
	fi
fi
exit 0
