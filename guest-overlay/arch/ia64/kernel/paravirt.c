// SPDX-License-Identifier: GPL-2.0
/*
 * The native entries of pv_init_ops, pv_irq_ops and pv_iosapic_ops.
 *
 * Boot-time hooks default to "nothing to do" (NULL, tested by the
 * paravirt_*() wrappers); the IRQ and IOSAPIC entries point at the
 * implementations that asm/hw_irq.h and asm/iosapic.h name directly in a
 * kernel without CONFIG_IA64_PARAVIRT.
 */

#include <linux/init.h>
#include <linux/irq.h>

#include <asm/hw_irq.h>
#include <asm/iosapic.h>
#include <asm/paravirt.h>

struct pv_init_ops pv_init_ops __read_mostly;

struct pv_irq_ops pv_irq_ops __read_mostly = {
	.register_ipi		= ia64_native_register_ipi,
	.assign_irq_vector	= ia64_native_assign_irq_vector,
	.free_irq_vector	= ia64_native_free_irq_vector,
	.resend_irq		= ia64_native_resend_irq,
};

struct pv_iosapic_ops pv_iosapic_ops __read_mostly = {
	.pcat_compat_init	= ia64_native_iosapic_pcat_compat_init,
	.get_irq_chip		= ia64_native_iosapic_get_irq_chip,
	.__read			= __ia64_native_iosapic_read,
	.__write		= __ia64_native_iosapic_write,
};
