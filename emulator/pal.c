/* SPDX-License-Identifier: MIT */
/*
 * PAL procedures (docs/ia64-platform.md §5) for the processor the core
 * implements: the values describe this emulator (8 TRs per side, 96
 * stacked registers, 24-bit RIDs, 61 implemented VA bits, 50 PA bits, no
 * VHPT walker) so Linux programs it accordingly.  Every procedure not in
 * the table returns -1 (unimplemented), which Linux 6.1 handles.
 */
#include "cpu.h"
#include "firmware.h"
#include "machine.h"
#include "platform.h"
#include "tlb.h"

typedef void (*pal_fn)(struct fw_call *x);

#define PAL_PA_BITS	50
#define PAL_KEY_BITS	24
#define PAL_RID_BITS	24
#define PAL_VA_MSB	60
/* 4K 8K 16K 64K 256K 1M 4M 16M 64M 256M 1G 4G (bit n = page size 2^n) */
#define PAL_PAGE_SIZES	0x155557000ULL
#define PAL_CACHE_LINE_LOG2	7	/* 128-byte lines; also the fc.i stride */
#define PAL_CACHE_SIZE	(256u * 1024)

static void pal_ok(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
}

static void pal_unimplemented(struct fw_call *x)
{
	x->r[0] = (uint64_t)FW_STATUS_UNIMPLEMENTED;
}

static void pal_vm_summary(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = 0 |				/* vw: no hardware VHPT walker */
		  (uint64_t)PAL_PA_BITS << 1 |
		  (uint64_t)PAL_KEY_BITS << 8 |
		  (uint64_t)(N_PKR - 1) << 16 |
		  (uint64_t)0 << 24 |		/* hash_tag_id */
		  (uint64_t)(TLB_NTR - 1) << 32 |	/* max DTR index */
		  (uint64_t)(TLB_NTR - 1) << 40 |	/* max ITR index */
		  (uint64_t)1 << 48 |		/* unique TCs: one per side */
		  (uint64_t)1 << 56;		/* TC levels */
	x->r[2] = (uint64_t)PAL_VA_MSB | (uint64_t)PAL_RID_BITS << 8 |
		  0xffffULL << 16;		/* max_purges: unlimited */
}

/* One ptc.e purges the whole local TC: a 1 x 1 loop at base 0. */
static void pal_ptce_info(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = 0;
	x->r[2] = 1ULL << 32 | 1;
	x->r[3] = 0;
}

static void pal_vm_page_size(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = PAL_PAGE_SIZES;	/* insertable */
	x->r[2] = PAL_PAGE_SIZES;	/* purgeable */
}

static void pal_rse_info(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = N_STACKED;
	x->r[2] = 0;			/* hints: no load/store intensive modes */
}

static void pal_freq_ratios(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = (uint64_t)PLAT_PROC_RATIO_NUM << 32 | PLAT_PROC_RATIO_DEN;
	x->r[2] = (uint64_t)PLAT_BUS_RATIO_NUM << 32 | PLAT_BUS_RATIO_DEN;
	x->r[3] = (uint64_t)PLAT_ITC_RATIO_NUM << 32 | PLAT_ITC_RATIO_DEN;
}

/* One level, one unified write-back cache. */
static void pal_cache_summary(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	x->r[1] = 1;			/* cache levels */
	x->r[2] = 1;			/* unique caches */
}

/* in: level, type (1 instruction, 2 data), 0. */
static void pal_cache_info(struct fw_call *x)
{
	if (x->arg[0] != 0 || x->arg[1] < 1 || x->arg[1] > 2) {
		x->r[0] = (uint64_t)FW_STATUS_INVALID_ARG;
		return;
	}
	x->r[0] = FW_STATUS_OK;
	x->r[1] = 1 |				/* unified */
		  (uint64_t)0 << 1 |		/* write back */
		  (uint64_t)4 << 8 |		/* 4-way */
		  (uint64_t)PAL_CACHE_LINE_LOG2 << 16 |
		  (uint64_t)PAL_CACHE_LINE_LOG2 << 24 |
		  (uint64_t)1 << 32 |		/* store latency */
		  (uint64_t)1 << 40;		/* load latency */
	x->r[2] = PAL_CACHE_SIZE |
		  (uint64_t)PAL_CACHE_LINE_LOG2 << 32 |	/* alias boundary */
		  (uint64_t)PAL_CACHE_LINE_LOG2 << 40 |	/* tag ls bit */
		  (uint64_t)(PAL_PA_BITS - 1) << 48;	/* tag ms bit */
}

/* Idle until an unmasked interrupt is pending: the machine stops running
 * this CPU and may fast-forward time when every CPU idles. */
static void pal_halt_light(struct fw_call *x)
{
	x->r[0] = FW_STATUS_OK;
	if (!lsapic_pending(x->c))
		x->action = FW_IDLE;
}

static const pal_fn pal_procs[PAL_NR] = {
	[PAL_CACHE_FLUSH] = pal_ok,
	[PAL_CACHE_INFO] = pal_cache_info,
	[PAL_CACHE_SUMMARY] = pal_cache_summary,
	[PAL_PTCE_INFO] = pal_ptce_info,
	[PAL_VM_SUMMARY] = pal_vm_summary,
	[PAL_FREQ_RATIOS] = pal_freq_ratios,
	[PAL_RSE_INFO] = pal_rse_info,
	[PAL_MC_DRAIN] = pal_ok,
	[PAL_HALT_LIGHT] = pal_halt_light,
	[PAL_VM_PAGE_SIZE] = pal_vm_page_size,
	[PAL_PREFETCH_VISIBILITY] = pal_ok,
};

void pal_call(struct fw_call *x)
{
	pal_fn fn = x->idx < PAL_NR ? pal_procs[x->idx] : NULL;

	if (x->idx < PAL_NR)
		x->m->fw->pal_calls[x->idx]++;
	else
		x->m->fw->bad_calls++;
	(fn ? fn : pal_unimplemented)(x);
}
