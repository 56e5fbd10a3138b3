/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Select the instruction macro set for the low-level entry code.
 *
 * ivt.S, entry.S, fsys.S and gate.S write every privileged or
 * privilege-sensitive instruction as an upper-case macro (MOV_FROM_IFA,
 * RSM_PSR_I, RFI, ...) so that they can be assembled for more than one
 * environment.  The set is chosen by a preprocessor symbol:
 *
 *   (none)                               the instructions themselves
 *   __IA64_ASM_PARAVIRTUALIZED_PVCHECK   placeholders, for the build-time
 *                                        check that nothing is left
 *                                        unwrapped (scripts/pvcheck.sed)
 *
 * A hypervisor that needs its own expansion adds its symbol here together
 * with its macro set.
 */

#ifdef __IA64_ASM_PARAVIRTUALIZED_PVCHECK
#include <asm/native/pvchk_inst.S>
#else
#include <asm/native/inst.h>
#endif
