/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit operations on memory shared with a hypervisor (Xen event channels,
 * grant entries).
 *
 * The sync_ variants must stay atomic even in a kernel built without SMP,
 * because the other side is the hypervisor, possibly on another physical
 * CPU.  ia64's set_bit() and friends are cmpxchg loops in every
 * configuration, so they already are.
 */
#ifndef _ASM_IA64_SYNC_BITOPS_H
#define _ASM_IA64_SYNC_BITOPS_H

#include <linux/bitops.h>
#include <asm/cmpxchg.h>

#define sync_set_bit(nr, p)		set_bit(nr, p)
#define sync_clear_bit(nr, p)		clear_bit(nr, p)
#define sync_change_bit(nr, p)		change_bit(nr, p)
#define sync_test_and_set_bit(nr, p)	test_and_set_bit(nr, p)
#define sync_test_and_clear_bit(nr, p)	test_and_clear_bit(nr, p)
#define sync_test_and_change_bit(nr, p)	test_and_change_bit(nr, p)
#define sync_test_bit(nr, p)		test_bit(nr, p)
#define arch_sync_cmpxchg		arch_cmpxchg

#endif /* _ASM_IA64_SYNC_BITOPS_H */
