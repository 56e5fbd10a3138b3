/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate DSO assembled with the Xen instruction macros, as data in its
 * own section; vmlinux.lds.S places it on a page of its own, and a Xen
 * guest maps it at GATE_ADDR instead of the native one (pv_patchdata).
 */
	.section .data..gate.xen, "aw"

	.incbin "arch/ia64/xen/xen-gate.so"
