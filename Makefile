# SPDX-License-Identifier: GPL-2.0
# pvia64 top level.  Two commands matter:
#   make run    prepare toolchain + kernel tree, build vmlinux (and, as the
#               emulator and hypervisor grow, boot it natively and as a guest)
#   make check  every test suite; ends with "total: N passed, M failed, K skipped"
# Big build products live in $(PVIA64_CACHE) (default ~/.cache/pvia64).

SHELL := /bin/bash
export PVIA64_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/pvia64
LOGDIR := $(CURDIR)/out/log

.PHONY: all run check bench deps toolchain kernel-tree vmlinux series \
	check-emulator check-hypervisor check-series emulator hypervisor clean

all: run

deps:
	@scripts/deps.sh

toolchain: deps
	@scripts/toolchain.sh

kernel-tree: toolchain
	@scripts/kernel.sh tree

vmlinux: toolchain
	@scripts/kernel.sh all

emulator:
	@$(MAKE) -s -C emulator

hypervisor:
	@$(MAKE) -s -C hypervisor

run: vmlinux emulator
	@scripts/run.sh

# Export the series (+ overlay) as mails: out/series/*.patch
series: toolchain
	@scripts/kernel.sh pristine
	@scripts/series.sh export $(CURDIR)/out/series

# Each suite prints its own summary line; scripts/check.sh runs them all,
# keeps going after failures and prints the total.
check: deps
	@scripts/check.sh

bench: deps
	@scripts/bench.sh

clean:
	@$(MAKE) -s -C emulator clean
	@$(MAKE) -s -C hypervisor clean
	rm -rf out
