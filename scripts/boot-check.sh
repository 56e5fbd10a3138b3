#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot a project kernel on the emulator with the guest initramfs and judge
# the serial console:
#   boot-check.sh SUITE native|series CPUS[,CPUS...] [--kunit KSUITE] [--append ARGS]
# SUITE (one boot per CPU count): the init reached userspace, every test of its TAP plan passed, and
# the machine powered off cleanly (exit 0); for the series kernel also that
# the paravirt layer detected bare metal ("paravirt: hypervisor: native").
# KSUITE (optional): the kernel's KUnit suites and boot self-tests, parsed
# from the console of the first boot, before init.  ARGS: more kernel
# arguments; with noreplace-paravirt the series kernel must also report that
# it patched every call site to call pv_cpu_ops.  Consoles are kept in
# out/log/SUITE-<n>cpu.console.
. "$(dirname "$0")/lib.sh"
set +e
set +o pipefail  # `... | grep -q` may end its writer early: that is a match, not a failure
usage="usage: boot-check.sh SUITE native|series CPUS [--kunit KSUITE] [--append ARGS]"
[ $# -ge 3 ] || die "$usage"
suite=$1 kind=$2 cpus=$3 ksuite= extra=
shift 3
while [ $# -gt 0 ]; do
	case "$1" in
	--kunit) [ $# -ge 2 ] || die "$usage"; ksuite=$2; shift 2 ;;
	--append) [ $# -ge 2 ] || die "$usage"; extra=$2; shift 2 ;;
	*) die "$usage" ;;
	esac
done
case "$kind" in
native) vm=$KERNEL_DIR/build-native/vmlinux ;;
series) vm=$KERNEL_DIR/build/vmlinux ;;
*) die "$usage" ;;
esac
emu=$PVIA64_TOP/emulator/build/ia64emu
mkdir -p "$PVIA64_TOP/out/log"
toolchain_env
make -s -C "$PVIA64_TOP/emulator" build/ia64emu >/dev/null || die "emulator build failed"
make -s -C "$PVIA64_TOP/guest" >/dev/null || die "guest init build failed"
[ -f "$vm" ] || { echo "FAIL $suite: no kernel $vm"; summary "$suite" 0 1 0;
	[ -z "$ksuite" ] || summary "$ksuite" 0 1 0; exit 1; }

# Boot once on $1 CPUs; judge the console; add to p/f.
p=0 f=0
boot_once() { # cpus
	local n=$1 start status secs plan ok nok stats
	con=$PVIA64_TOP/out/log/$suite-${n}cpu.console
	start=$(date +%s.%N)
	IA64EMU_STATS=1 timeout "${BOOT_TIMEOUT:-600}" "$emu" boot "$vm" --cpus "$n" --rtc-epoch 1767225600 \
		--initrd "$PVIA64_TOP/guest/build/initramfs.cpio.gz" \
		--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca${extra:+ $extra}" \
		</dev/null >"$con" 2>&1
	status=$?
	secs=$(echo "$(date +%s.%N) - $start" | bc)
	tr -d '\r' < "$con" > "$con.txt" && mv "$con.txt" "$con"
	if grep -q "$marker" "$con"; then
		plan=$(after | grep -m1 -E '^1\.\.[0-9]+' | cut -d. -f3)
		ok=$(after | grep -cE '^ok [0-9]+')
		nok=$(after | grep -cE '^not ok [0-9]+')
		after | grep -E '^not ok [0-9]+' | sed "s/^/FAIL $suite ($n CPUs): /"
		p=$((p + ok)) f=$((f + nok))
		if [ -z "$plan" ] || [ $((ok + nok)) -ne "$plan" ]; then
			echo "FAIL $suite ($n CPUs): init planned ${plan:-?} tests, reported $((ok + nok))"
			f=$((f + 1))
		fi
		p=$((p + 1))	# userspace reached
	else
		echo "FAIL $suite ($n CPUs): userspace not reached; last console lines:"
		tail -n 20 "$con" | sed 's/^/  | /'
		f=$((f + 1))
	fi
	if [ $status -eq 0 ] && grep -q '^reboot: Power down' "$con"; then
		p=$((p + 1))
	else
		echo "FAIL $suite ($n CPUs): no clean power-off (emulator exit status $status)"
		tail -n 5 "$con" | sed 's/^/  | /'
		f=$((f + 1))
	fi
	if [ "$kind" = series ]; then
		if grep -q 'paravirt: hypervisor: native' "$con"; then p=$((p + 1)); else
			echo "FAIL $suite ($n CPUs): no 'paravirt: hypervisor: native' boot message"
			f=$((f + 1))
		fi
		case " $extra " in
		*" noreplace-paravirt "*)
			if grep -qE '^paravirt: patched ([0-9]+) of \1 call sites to call pv_cpu_ops' "$con"; then
				p=$((p + 1))
			else
				echo "FAIL $suite ($n CPUs): noreplace-paravirt did not put every call site in call form"
				grep -m1 '^paravirt: ' "$con" | sed 's/^/  | /'
				f=$((f + 1))
			fi ;;
		esac
	fi
	stats=$(grep -m1 -E "^ia64emu: .* slots in " "$con" | sed "s/^ia64emu: //")
	echo "  $suite, $n CPUs: ${stats:-no emulator statistics}; ${secs%.*} s wall"
}

# The init's TAP report comes after its marker; the kernel's before it.
marker='^pvia64-init: userspace reached'
after() { awk -v m="$marker" '$0 ~ m { on = 1 } on' "$con"; }
before() { awk -v m="$marker" '$0 ~ m { exit } { print }' "$con"; }

first=
for n in ${cpus//,/ }; do
	boot_once "$n"
	[ -n "$first" ] || first=$con
done
con=$first
summary "$suite" $p $f 0
rc=$f

# KUnit: per-suite "# name: pass:P fail:F skip:S total:T" lines (the
# "Totals" lines repeat them), plus the boot self-tests that print a verdict.
if [ -n "$ksuite" ]; then
	kp=0 kf=0 ks=0 nsuites=0
	while read -r name P F S; do
		kp=$((kp + P)) kf=$((kf + F)) ks=$((ks + S)) nsuites=$((nsuites + 1))
		[ "$F" -eq 0 ] || echo "FAIL $ksuite: KUnit suite $name: $F failed"
	done < <(before | sed -nE 's/^[[:space:]]*# ([A-Za-z0-9_-]+): pass:([0-9]+) fail:([0-9]+) skip:([0-9]+) total:[0-9]+$/\1 \2 \3 \4/p' |
		grep -v '^Totals ')
	before | grep -E '^[[:space:]]*not ok [0-9]+' | sed "s/^ */FAIL $ksuite: /" | head -20
	[ $nsuites -gt 0 ] || { echo "FAIL $ksuite: no KUnit results on the console"; kf=$((kf + 1)); }
	selftest() { # name success-regex failure-regex
		if before | grep -qE "$3"; then
			echo "FAIL $ksuite: $1: $(before | grep -m1 -E "$3")"; kf=$((kf + 1))
		elif before | grep -qE "$2"; then kp=$((kp + 1)); else
			echo "FAIL $ksuite: $1: no verdict on the console"; kf=$((kf + 1)); fi
	}
	selftest test_div64 'Completed 64bit/32bit division and modulo test' 'test_div64: ERROR'
	selftest test_bitmap 'test_bitmap: all [0-9]+ tests passed' 'test_bitmap: .*failed'
	selftest test_hexdump 'test_hexdump: all [0-9]+ tests passed' 'test_hexdump: .*failed'
	echo "  $ksuite: $nsuites KUnit suites"
	summary "$ksuite" $kp $kf $ks
	rc=$((rc + kf))
fi
[ $rc -eq 0 ]
