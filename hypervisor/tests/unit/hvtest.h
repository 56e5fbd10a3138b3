/* SPDX-License-Identifier: MIT */
/*
 * Host unit/stress tests: the shared harness (RESULT line) plus the
 * hypervisor test environment.
 */
#ifndef HV_TEST_HVTEST_H
#define HV_TEST_HVTEST_H

#include "test/harness.h"

#include "hvenv.h"

#endif
