/* SPDX-License-Identifier: MIT */
/*
 * Global event counters (see counters.h).  Relaxed atomics: the counters
 * are statistics, never used to order memory.
 */
#include "arch.h"
#include "counters.h"

#if defined(__SANITIZE_THREAD__)
uint64_t hv_fence_word;		/* see hv_mb() in arch.h */
#endif

static uint64_t counters[CNT_NR];

static const char *const counter_names[CNT_NR] = {
	[CNT_TLB_INSERT] = "tlb_insert",
	[CNT_PTC_L] = "ptc_l",
	[CNT_PTC_GA] = "ptc_ga",
	[CNT_PTC_E] = "ptc_e",
	[CNT_FLUSH_MASK] = "flush_tlb_mask",
	[CNT_VTLB_FLUSH_ALL] = "vtlb_flush_all",
	[CNT_VHPT_INSERT] = "vhpt_insert",
	[CNT_VHPT_PURGE] = "vhpt_purge",
	[CNT_VHPT_FLUSH] = "vhpt_flush",
	[CNT_INSERT_RETRY] = "insert_retry",
	[CNT_TT_INS_NOT_TRACKED] = "tlb_track_insert_not_tracked",
	[CNT_TT_INS_FIRST] = "tlb_track_insert_first",
	[CNT_TT_INS_SAME] = "tlb_track_insert_same",
	[CNT_TT_INS_MANY] = "tlb_track_insert_many",
	[CNT_TT_INS_AGAIN] = "tlb_track_insert_again",
	[CNT_TT_UNMAP_NOT_TRACKED] = "tlb_track_unmap_not_tracked",
	[CNT_TT_UNMAP_NOT_FOUND] = "tlb_track_unmap_not_found",
	[CNT_TT_UNMAP_FOUND] = "tlb_track_unmap_found",
	[CNT_TT_UNMAP_MANY] = "tlb_track_unmap_many",
	[CNT_FC_FLUSH] = "flushclock_flush",
	[CNT_FC_SKIP] = "flushclock_skip",
	[CNT_FC_WRAP] = "flushclock_wrap",
	[CNT_HC_GNTTAB] = "hypercall_grant_table_op",
	[CNT_HC_EVTCHN] = "hypercall_event_channel_op",
	[CNT_HC_BAD] = "hypercall_bad",
};

void hv_count(enum hv_counter c)
{
	hv_count_add(c, 1);
}

void hv_count_add(enum hv_counter c, uint64_t n)
{
	if (c < CNT_NR)
		__atomic_fetch_add(&counters[c], n, __ATOMIC_RELAXED);
}

uint64_t hv_counter(enum hv_counter c)
{
	return c < CNT_NR ? __atomic_load_n(&counters[c], __ATOMIC_RELAXED) : 0;
}

const char *hv_counter_name(enum hv_counter c)
{
	return c < CNT_NR && counter_names[c] ? counter_names[c] : "?";
}

void hv_counters_reset(void)
{
	for (unsigned i = 0; i < CNT_NR; i++)
		__atomic_store_n(&counters[i], 0, __ATOMIC_RELAXED);
}
