/* SPDX-License-Identifier: MIT */
/*
 * SAL procedures (docs/ia64-platform.md §4.2), called in virtual mode
 * through the SAL function descriptor: r32 = index, in1..in6 = arguments.
 * Unknown or unneeded procedures return -1 (unimplemented).
 */
#include <stdio.h>

#include "firmware.h"
#include "machine.h"
#include "platform.h"

typedef void (*sal_fn)(struct fw_call *x);

static void sal_unimplemented(struct fw_call *x)
{
	x->r[0] = (uint64_t)FW_STATUS_UNIMPLEMENTED;
}

static void sal_ok(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
}

/* in1 = which clock: the platform base frequency the ITC derives from. */
static void sal_freq_base(struct fw_call *x)
{
	if (x->arg[0] != SAL_FREQ_BASE_PLATFORM) {
		x->r[0] = (uint64_t)FW_STATUS_UNIMPLEMENTED;
		return;
	}
	x->r[0] = FW_STATUS_OK;
	x->r[1] = PLAT_BASE_HZ;
	x->r[2] = 0;		/* drift: none, the clock is the slot count */
}

/* in1 = vector type, in2 = physical entry, in3 = physical gp. */
static void sal_set_vectors(struct fw_call *x)
{
	struct firmware *fw = x->m->fw;

	switch (x->arg[0]) {
	case SAL_VECTOR_OS_BOOT_RENDEZ:
		fw->rendez_ip = x->arg[1];
		fw->rendez_gp = x->arg[2];
		fw->rendez_set = true;
		x->r[0] = FW_STATUS_OK;
		break;
	case SAL_VECTOR_OS_MCA:
	case SAL_VECTOR_OS_INIT:
		/* Accepted and never used: the machine raises no MCA/INIT. */
		x->r[0] = FW_STATUS_OK;
		break;
	default:
		x->r[0] = (uint64_t)FW_STATUS_INVALID_ARG;
	}
}

/*
 * MC_SET_PARAMS must fail with -1, not -2: -2 makes Linux retry forever,
 * and success enables CMC/CPE polling we have no records for.
 */
static const sal_fn sal_procs[SAL_NR] = {
	[SAL_SET_VECTORS - SAL_FIRST] = sal_set_vectors,
	[SAL_MC_SET_PARAMS - SAL_FIRST] = sal_unimplemented,
	[SAL_CACHE_FLUSH - SAL_FIRST] = sal_ok,
	[SAL_CACHE_INIT - SAL_FIRST] = sal_ok,
	[SAL_FREQ_BASE - SAL_FIRST] = sal_freq_base,
};

void sal_call(struct fw_call *x)
{
	uint64_t i = x->idx - SAL_FIRST;
	sal_fn fn = (x->idx >= SAL_FIRST && i < SAL_NR) ? sal_procs[i] : NULL;

	if (x->idx >= SAL_FIRST && i < SAL_NR)
		x->m->fw->sal_calls[i]++;
	else
		x->m->fw->bad_calls++;
	(fn ? fn : sal_unimplemented)(x);
}
