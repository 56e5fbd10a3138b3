/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry point for a Xen domain builder, and the ELF notes that announce it.
 *
 * The domain builder reads XEN_ELFNOTE_ENTRY and starts vCPU 0 there in
 * emulated physical mode, with r28 pointing at the boot parameters exactly
 * as a native loader would.  All startup_xen has to do is to remember that
 * a hypervisor started us and continue with the native _start; head.S then
 * runs the Xen setup hook on every CPU.
 */

#include <linux/elfnote.h>
#include <linux/init.h>
#include <linux/pgtable.h>
#include <asm/asmmacro.h>
#include <asm/paravirt_guest.h>
#include <xen/interface/elfnote.h>

	__REF

GLOBAL_ENTRY(startup_xen)
	/*
	 * The builder may place the image at another physical address than
	 * the link-time LMA, so derive the load offset from where we are
	 * executing rather than from LOAD_OFFSET.  ip reads the address of
	 * the current bundle, hence the read must sit in the first bundle.
	 * r28 (boot parameters) must survive until _start.
	 */
	mov r2=ip
	movl r3=startup_xen
	;;
	sub r2=r2,r3
	movl r14=hypervisor_type
	;;
	movl r15=_start
	mov r16=PARAVIRT_HYPERVISOR_TYPE_XEN
	add r14=r14,r2
	;;
	add r15=r15,r2
	st8 [r14]=r16
	;;
	mov b6=r15
	;;
	br.sptk.many b6
END(startup_xen)

	ELFNOTE(Xen, XEN_ELFNOTE_GUEST_OS, .asciz "linux")
	ELFNOTE(Xen, XEN_ELFNOTE_GUEST_VERSION, .asciz "2.6")
	ELFNOTE(Xen, XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0")
	/* The note area is only 4-byte aligned: hence the unaligned data8. */
	ELFNOTE(Xen, XEN_ELFNOTE_ENTRY, data8.ua startup_xen - LOAD_OFFSET)
