/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Placeholder instruction macros for the pvcheck build.
 *
 * Included by asm/paravirt_inst.h from assembler sources only; the .S name
 * says so (these are instruction macros, not C).
 *
 * The pvcheck objects are assembled, never linked or run.  Each macro of
 * asm/native/inst.h expands to an instruction that is not sensitive, so
 * that after preprocessing every sensitive instruction that is still
 * present was written raw; scripts/pvcheck.sed turns those into assembler
 * errors.  Register operands that are read or written keep being used, so
 * the assembler still checks them.
 */
#ifndef _ASM_IA64_NATIVE_PVCHK_INST_S
#define _ASM_IA64_NATIVE_PVCHK_INST_S

/* Reads: the target register gets a harmless value. */
#define PVCHK_READ(pred, reg)	(pred) mov reg = r0

#define MOV_FROM_IFA(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_ITIR(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_ISR(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_IHA(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_IPSR(pred, reg)		PVCHK_READ(pred, reg)
#define MOV_FROM_IIM(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_IIP(reg)			PVCHK_READ(p0, reg)
#define MOV_FROM_IVR(reg, clob)			PVCHK_READ(p0, reg)
#define MOV_FROM_PSR(pred, reg, clob)		PVCHK_READ(pred, reg)
#define MOV_FROM_ITC(pred, pred_clob, reg, clob)	PVCHK_READ(pred, reg)

/* Writes and state changes: a nop, predicated like the original. */
#define PVCHK_NOP(pred)		(pred) nop 0

/*
 * DO_SAVE_MIN is replaced as a whole by a hypervisor's macro set, so the
 * native body (which switches banks itself) is not checked.
 */
#define DO_SAVE_MIN(__COVER, SAVE_IFS, EXTRA, WORKAROUND)	PVCHK_NOP(p0)

#define MOV_TO_IFA(reg, clob)			PVCHK_NOP(p0)
#define MOV_TO_ITIR(pred, reg, clob)		PVCHK_NOP(pred)
#define MOV_TO_IHA(pred, reg, clob)		PVCHK_NOP(pred)
#define MOV_TO_IPSR(pred, reg, clob)		PVCHK_NOP(pred)
#define MOV_TO_IFS(pred, reg, clob)		PVCHK_NOP(pred)
#define MOV_TO_IIP(reg, clob)			PVCHK_NOP(p0)
#define MOV_TO_KR(kr, reg, clob0, clob1)	PVCHK_NOP(p0)
#define ITC_I(pred, reg, clob)			PVCHK_NOP(pred)
#define ITC_D(pred, reg, clob)			PVCHK_NOP(pred)
#define ITC_I_AND_D(pred_i, pred_d, reg, clob)	\
	PVCHK_NOP(pred_i);			\
	PVCHK_NOP(pred_d)
#define THASH(pred, reg0, reg1, clob)		PVCHK_READ(pred, reg0)

#define SSM_PSR_IC_AND_DEFAULT_BITS_AND_SRLZ_I(clob0, clob1)	\
	PVCHK_NOP(p0)						\
	;;
#define SSM_PSR_IC_AND_SRLZ_D(clob0, clob1)	\
	PVCHK_NOP(p0)				\
	;;
#define RSM_PSR_IC(clob)			PVCHK_NOP(p0)
#define SSM_PSR_I(pred, pred_clob, clob)	PVCHK_NOP(pred)
#define RSM_PSR_I(pred, clob0, clob1)		PVCHK_NOP(pred)
#define RSM_PSR_I_IC(clob0, clob1, clob2)	PVCHK_NOP(p0)
#define RSM_PSR_DT				PVCHK_NOP(p0)
#define RSM_PSR_BE_I(clob0, clob1)		PVCHK_NOP(p0)
#define SSM_PSR_DT_AND_SRLZ_I			\
	PVCHK_NOP(p0)				\
	;;
#define BSW_0(clob0, clob1, clob2)		PVCHK_NOP(p0)
#define BSW_1(clob0, clob1)			PVCHK_NOP(p0)
#define COVER					PVCHK_NOP(p0)
#define RFI					br.ret.sptk.many rp

#endif /* _ASM_IA64_NATIVE_PVCHK_INST_S */
