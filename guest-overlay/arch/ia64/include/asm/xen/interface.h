/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The architecture half of the Xen/ia64 public interface, as far as the
 * generic Xen code of this kernel needs it: guest handles, the frame and
 * word types, and the ia64 parts of shared_info and vcpu_info.
 *
 * The layouts are the published Xen/ia64 ABI (LP64): an empty
 * arch_vcpu_info, so that a vcpu_info is 48 bytes, and an arch_shared_info
 * that tells the guest where its start_info and memory map are.  Xen/ia64
 * cannot follow guest virtual addresses, so a guest handle carries a
 * xencomm address (see asm/xen/xencomm.h) by the time it reaches the
 * hypervisor; the hypercall wrappers do that translation, so the generic
 * code keeps storing plain kernel pointers in handles.
 */
#ifndef _ASM_IA64_XEN_INTERFACE_H
#define _ASM_IA64_XEN_INTERFACE_H

#define __DEFINE_GUEST_HANDLE(name, type)				\
	typedef struct {						\
		union {							\
			type *p;					\
			u64 q;						\
		};							\
	} __guest_handle_ ## name

#define DEFINE_GUEST_HANDLE_STRUCT(name)				\
	__DEFINE_GUEST_HANDLE(name, struct name)
#define DEFINE_GUEST_HANDLE(name)	__DEFINE_GUEST_HANDLE(name, name)
#define GUEST_HANDLE(name)		__guest_handle_ ## name

/* The whole 64-bit handle is written, so no stale bits reach the hypervisor. */
#define set_xen_guest_handle(hnd, val)					\
	((hnd) = (typeof(hnd)){ .p = (val) })

#define __HYPERVISOR_platform_op_raw	__HYPERVISOR_platform_op

/* Legacy shared_info has room for this many vcpu_info slots (16 KB page). */
#define MAX_VIRT_CPUS			64
#define XEN_LEGACY_MAX_VCPUS		MAX_VIRT_CPUS

/* The ia64-specific hypercalls (__HYPERVISOR_arch_0 ...). */
#define __HYPERVISOR_ia64_dom0vp_op	__HYPERVISOR_arch_0
#define __HYPERVISOR_ia64_fast_eoi	__HYPERVISOR_arch_1
#define __HYPERVISOR_ia64_debug_op	__HYPERVISOR_arch_2

/* The per-domain break immediate of a hypercall, unless Xen says otherwise. */
#define __IA64_XEN_HYPERCALL_DEFAULT	0x1000

/* Firmware hypercalls: the number in r2 is at least 0x100. */
#define FW_HYPERCALL_IPI		0x0400UL
#define FW_HYPERCALL_SET_SHARED_INFO_VA	0x0600UL

#ifndef __ASSEMBLY__

#include <linux/types.h>

typedef unsigned long xen_pfn_t;
#define PRI_xen_pfn	"lx"
typedef unsigned long xen_ulong_t;
#define PRI_xen_ulong	"lx"
typedef long xen_long_t;
#define PRI_xen_long	"lx"

/* The entry point of a callback (CALLBACKOP_register): an ip. */
typedef unsigned long xen_callback_t;

/* Guest handles for primitive C types. */
__DEFINE_GUEST_HANDLE(uchar, unsigned char);
__DEFINE_GUEST_HANDLE(uint, unsigned int);
DEFINE_GUEST_HANDLE(char);
DEFINE_GUEST_HANDLE(int);
DEFINE_GUEST_HANDLE(void);
DEFINE_GUEST_HANDLE(uint64_t);
DEFINE_GUEST_HANDLE(uint32_t);
DEFINE_GUEST_HANDLE(xen_pfn_t);
DEFINE_GUEST_HANDLE(xen_ulong_t);

/* Nothing architecture-specific per vCPU: it lives in mapped_regs. */
struct arch_vcpu_info {
};

struct arch_shared_info {
	/* Frame of the start_info page (the domain builder sets it). */
	u64 start_info_pfn;
	/* Interrupt vector the hypervisor raises for event channels. */
	int evtchn_vector;
	/* The EFI memory map page (struct xen_ia64_memmap_info). */
	u32 memmap_info_num_pages;	/* always 1 */
	u64 memmap_info_pfn;
	u64 pad[31];
};

/* Header of the memmap_info page; EFI memory descriptors follow it. */
struct xen_ia64_memmap_info {
	u64 efi_memmap_size;		/* bytes of descriptors */
	u64 efi_memdesc_size;		/* size of one descriptor */
	u32 efi_memdesc_version;
	u32 pad;
	/* the EFI memory descriptors start here */
};

/* The same layout as on x86: the time fields of vcpu_info. */
struct pvclock_vcpu_time_info {
	u32 version;
	u32 pad0;
	u64 tsc_timestamp;
	u64 system_time;
	u32 tsc_to_system_mul;
	s8 tsc_shift;
	u8 flags;
	u8 pad[2];
} __packed;

/* Wall clock: 12 bytes, then shared_info's wc_sec_hi fills the padding. */
struct pvclock_wall_clock {
	u32 version;
	u32 sec;
	u32 nsec;
} __packed;

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_IA64_XEN_INTERFACE_H */
