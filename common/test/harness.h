/* SPDX-License-Identifier: MIT */
/*
 * A tiny test harness shared by the host unit tests (emulator and
 * hypervisor).  Checks record failures and carry on; every test program
 * ends with one machine-readable line
 *     RESULT <passed> <failed> <skipped>
 * that scripts/suite.sh sums into the suite's summary line.
 */
#ifndef PVIA64_TEST_HARNESS_H
#define PVIA64_TEST_HARNESS_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static int th_pass, th_fail, th_skip, th_case_failed;
static const char *th_case;

#define TEST_BEGIN(name) do { th_case = (name); th_case_failed = 0; } while (0)
#define TEST_END() do {							\
	if (th_case_failed)						\
		th_fail++;						\
	else								\
		th_pass++;						\
} while (0)
#define TEST_SKIP(name, why) do {					\
	th_skip++;							\
	printf("SKIP %s: %s\n", (name), (why));				\
} while (0)

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		th_case_failed = 1;					\
		printf("FAIL %s: %s:%d: %s\n", th_case, __FILE__,	\
		       __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_EQ(a, b) do {						\
	uint64_t th_a = (uint64_t)(a), th_b = (uint64_t)(b);		\
	if (th_a != th_b) {						\
		th_case_failed = 1;					\
		printf("FAIL %s: %s:%d: %s == 0x%" PRIx64		\
		       ", expected %s == 0x%" PRIx64 "\n", th_case,	\
		       __FILE__, __LINE__, #a, th_a, #b, th_b);		\
	}								\
} while (0)

static inline int test_report(void)
{
	printf("RESULT %d %d %d\n", th_pass, th_fail, th_skip);
	return th_fail ? 1 : 0;
}

#endif
