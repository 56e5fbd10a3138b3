#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Series hygiene: each command prints one test-suite summary line.
#
#   series.sh apply       series-apply: overlay map, headers, quilt push -a clean
#   series.sh export      series-export: linear git history + format-patch mbox;
#                         `git am` onto pristine reproduces the quilt tree exactly
#   series.sh checkpatch  checkpatch: --strict on every exported mail (so new
#                         overlay files are checked as new files)
#   series.sh bisect      bisect: every commit builds on its own
#   series.sh sparse      sparse: no warnings beyond the pristine baseline
#
# Inputs can be redirected for the checkers' own tests: SERIES, PATCHES,
# OVERLAY, OVERLAY_MAP, PRISTINE, XWORK (scratch area).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/series-lib.sh"

cmd=${1:-}; shift || true
case "$cmd" in
apply) suite_apply ;;
export) suite_export "$@" ;;
checkpatch) suite_checkpatch ;;
bisect) suite_bisect "$@" ;;
sparse) suite_sparse "$@" ;;
*) die "usage: series.sh apply|export|checkpatch|bisect|sparse" ;;
esac
