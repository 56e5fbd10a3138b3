#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build and run each libFuzzer harness for a fixed budget; one test per
# harness.  A missing clang/libFuzzer is a failure, never a skip.
set -u
O=${O:-build}
p=0 f=0
if ! command -v "${CLANG:-clang-14}" >/dev/null; then
	echo "FAIL hv-fuzz: ${CLANG:-clang-14} not found (libFuzzer needed)"
	echo "hv-fuzz: 0 passed, $# failed, 0 skipped"
	exit 1
fi
mkdir -p "$O/fuzz/artifacts"
for h in "$@"; do
	if ! make -s --no-print-directory "$O/fuzz/$h" >"$O/fuzz/$h.build.log" 2>&1; then
		echo "FAIL $h: build failed"; tail -5 "$O/fuzz/$h.build.log"
		f=$((f + 1)); continue
	fi
	if "$O/fuzz/$h" -seed=1 -runs="${FUZZ_RUNS:-200000}" \
		-max_total_time="${FUZZ_TIME:-25}" -max_len=1024 \
		-artifact_prefix="$O/fuzz/artifacts/$h-" >"$O/fuzz/$h.log" 2>&1; then
		p=$((p + 1))
		: # per-harness details stay in the log
	else
		echo "FAIL $h: crash or sanitizer report (see $O/fuzz/$h.log)"
		grep -E 'ERROR|SUMMARY|panic' "$O/fuzz/$h.log" | head -5
		f=$((f + 1))
	fi
done
echo "hv-fuzz: $p passed, $f failed, 0 skipped"
[ "$f" -eq 0 ]
