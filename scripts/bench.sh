#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: every figure as "bench NAME: VALUE UNIT".
. "$(dirname "$0")/lib.sh"
cd "$PVIA64_TOP"
set +e
scripts/toolchain.sh
make -s -C emulator bench
make -s -C hypervisor bench
for b in scripts/bench.d/*.sh; do
	[ -x "$b" ] && "$b"
done
exit 0
