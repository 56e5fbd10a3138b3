#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make check`: build what the tests need, run every suite, keep going after
# a failure, and finish with the total line.  Each step's full output goes to
# out/log/<step>.log; summary and FAIL lines are echoed.
. "$(dirname "$0")/lib.sh"
cd "$PVIA64_TOP"
set +e  # keep going after a failed suite
LOG=$PVIA64_TOP/out/log
rm -rf "$LOG"; mkdir -p "$LOG"
tp=0 tf=0 ts=0 broken=0

# run STEP CMD...: run a step, echo its summary lines and failures, add up.
run() {
	local step=$1 rc line n=0 t0=$SECONDS; shift
	log "== $step"
	"$@" > "$LOG/$step.log" 2>&1; rc=$?
	log "   $step took $((SECONDS - t0)) s (make check at $SECONDS s)"
	while IFS= read -r line; do
		if [[ $line =~ ^([A-Za-z0-9-]+):\ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
			echo "$line"
			tp=$((tp + BASH_REMATCH[2])) tf=$((tf + BASH_REMATCH[3])) ts=$((ts + BASH_REMATCH[4]))
			n=$((n + 1))
		elif [[ $line =~ ^(FAIL|not\ ok) ]]; then
			echo "  $line"
		fi
	done < "$LOG/$step.log"
	if [ $rc -ne 0 ] && [ $n -eq 0 ]; then
		# A step that died before reporting counts as one failed suite.
		tail -15 "$LOG/$step.log" | sed 's/^/  | /'
		echo "$step: 0 passed, 1 failed, 0 skipped"
		tf=$((tf + 1))
	fi
	return $rc
}

# Prerequisites: a failure here is reported and the dependent suites skip.
run toolchain scripts/toolchain.sh || broken=1

# Host-only suites first: they need no kernel.
run hypervisor make -C hypervisor check
run emulator-unit make -C emulator check-unit
[ $broken -eq 0 ] && run ctorture make -C emulator check-ctorture

if [ $broken -eq 0 ]; then
	run series-apply scripts/series.sh apply
	kernel_ok=1 native_ok=1
	run kernel scripts/kernel.sh all || kernel_ok=0
	run kernel-native scripts/kernel.sh native || native_ok=0
	run decode scripts/decode-check.sh
	run platform-unit make -C emulator check-platform-unit
	# The unmodified kernel on the emulator: the platform's judges.
	if [ $native_ok -eq 1 ]; then
		run boot-native-1cpu scripts/boot-check.sh boot-native-1cpu native 1 --kunit kunit-native
		run boot-native-4cpu scripts/boot-check.sh boot-native-4cpu native 4
	fi
	# The series kernel on bare metal: same tests, plus the pv layer's own.
	if [ $kernel_ok -eq 1 ]; then
		run pv-native-boot scripts/boot-check.sh pv-native-boot series 1,4 --kunit pv-kunit
		# every pv_cpu_ops site in call form: the stubs and the native
		# entries of the table, on the whole kernel
		run pv-call-boot scripts/boot-check.sh pv-call-boot series 1 --kunit pv-call-kunit \
			--append noreplace-paravirt
		run pvcheck scripts/pvcheck-check.sh
	fi
	run series-export scripts/series.sh export
	run checkpatch scripts/series.sh checkpatch
	run bisect scripts/series.sh bisect
	run sparse scripts/series.sh sparse
fi

printf 'total: %d passed, %d failed, %d skipped\n' "$tp" "$tf" "$ts"
[ "$tf" -eq 0 ]
