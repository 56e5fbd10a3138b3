/* SPDX-License-Identifier: MIT */
/*
 * Event counters: every machine TLB insert and purge, full flush,
 * tlb_track outcome and hypercall is counted, because the counters are the
 * cheapest way to show where virtualisation overhead goes (doc 17.13).
 */
#ifndef HV_COUNTERS_H
#define HV_COUNTERS_H

#include <stdint.h>

enum hv_counter {
	CNT_TLB_INSERT,		/* machine itc */
	CNT_PTC_L,		/* local purge of one range */
	CNT_PTC_GA,		/* global purge of one range */
	CNT_PTC_E,		/* local whole-TLB purge */
	CNT_FLUSH_MASK,		/* whole-TLB flush of a set of pCPUs */
	CNT_VTLB_FLUSH_ALL,	/* full vTLB flush of a domain */
	CNT_VHPT_INSERT,
	CNT_VHPT_PURGE,		/* one VHPT entry removed */
	CNT_VHPT_FLUSH,		/* whole VHPT invalidated */
	CNT_INSERT_RETRY,	/* p2m entry changed under an insert */
	CNT_TT_INS_NOT_TRACKED,
	CNT_TT_INS_FIRST,
	CNT_TT_INS_SAME,
	CNT_TT_INS_MANY,
	CNT_TT_INS_AGAIN,
	CNT_TT_UNMAP_NOT_TRACKED,
	CNT_TT_UNMAP_NOT_FOUND,
	CNT_TT_UNMAP_FOUND,
	CNT_TT_UNMAP_MANY,
	CNT_FC_FLUSH,		/* flush-clock driven local flush */
	CNT_FC_SKIP,		/* flush avoided by the clock */
	CNT_FC_WRAP,
	CNT_HC_GNTTAB,		/* grant-table hypercalls (all ops) */
	CNT_HC_EVTCHN,
	CNT_HC_BAD,		/* unknown hypercall / sub-op */
	CNT_NR
};

void hv_count(enum hv_counter c);
void hv_count_add(enum hv_counter c, uint64_t n);
uint64_t hv_counter(enum hv_counter c);
const char *hv_counter_name(enum hv_counter c);
void hv_counters_reset(void);
/* Calls of one hypercall's sub-operation (cmd >= 15 share the last
 * slot); hypercall is __HYPERVISOR_grant_table_op or _event_channel_op. */
uint64_t hv_hypercall_count(unsigned hypercall, unsigned cmd);

#endif
