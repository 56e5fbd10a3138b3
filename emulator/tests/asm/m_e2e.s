// SPDX-License-Identifier: MIT
// End-to-end M-unit program run by tests/unit/test_alat_e2e.c through the
// real slot loop: control speculation + chk.s.m recovery, advanced load +
// chk.a recovery (zero-entry ALAT), spill/fill through ar.unat, a
// semaphore sequence, then break.m 0x1 to stop.  Inputs: r32 = data
// (mapped), r33 = an unmapped address, r34 = spill area (mapped, 8-aligned).
.text
.explicit
start:
	{ .mmi
	ld8.s r8=[r33]
	ld8.a r9=[r32]
	mov r20=0 ;; }
	{ .mmi
	chk.s.m r8,recover1
	nop.m 0
	mov r21=0 ;; }
cont1:
	{ .mmi
	chk.a.clr r9,recover2
	mov ar.unat=r0
	nop.i 0 ;; }
cont2:
	{ .mmi
	st8.spill [r34]=r8,8
	nop.m 0
	nop.i 0 ;; }
	{ .mmi
	mov r22=ar.unat
	adds r34=-8,r34
	nop.i 0 ;; }
	{ .mmi
	ld8.fill r10=[r34]
	fetchadd8.acq r11=[r32],8
	nop.i 0 ;; }
	{ .mmi
	mov ar.ccv=r11
	nop.m 0
	adds r12=100,r0 ;; }
	{ .mmi
	cmpxchg8.acq r13=[r32],r12,ar.ccv
	nop.m 0
	nop.i 0 ;; }
	{ .mmi
	ld8 r14=[r32]
	break.m 0x1
	nop.i 0 ;; }
recover1:
	{ .mib
	adds r20=1,r0
	nop.i 0
	br.sptk.few cont1 ;; }
recover2:
	{ .mib
	ld8 r9=[r32]
	adds r21=1,r0
	br.sptk.few cont2 ;; }
