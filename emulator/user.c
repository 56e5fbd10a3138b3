/* SPDX-License-Identifier: MIT */
/*
 * User-mode runner: loads a static IA-64 ELF program into a flat address
 * space, builds the initial process state the way Linux/ia64 does (argc at
 * sp+16 above the 16-byte scratch area, register backing store, gp,
 * ar.fpsr, psr with CPL 3) and emulates the system calls the guest runtime
 * needs.  System calls arrive as `break 0x100000` faults through
 * cpu->fault_hook: r15 = 1024 + syscall-table number, arguments in the
 * output registers of the current frame (out0..out5, i.e. r32..r37 for a
 * frame without locals), result in r8 with r10 = 0, or r8 = errno with
 * r10 = -1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cpu.h"
#include "elf.h"
#include "insn.h"
#include "interrupt.h"
#include "memspace.h"
#include "rse.h"
#include "run.h"
#include "user.h"

#define STACK_TOP	0x60000fffffff0000ULL	/* region 3, like Linux */
#define STACK_SIZE	(8ULL << 20)
#define RBS_BASE	0x60000f0000000000ULL	/* grows up, below the stack, far above .data */
#define RBS_SIZE	(8ULL << 20)
#define MMAP_BASE	0x2000000000000000ULL	/* region 1 */
#define BRK_MAX		(1ULL << 30)
#define BREAK_SYSCALL	0x100000

#define PF_X 1
#define PF_W 2
#define PF_R 4
#define PT_LOAD 1

enum { ENOMEM_ = 12, EBADF_ = 9, EINVAL_ = 22, ENOSYS_ = 38 };

struct proc {
	struct memspace *ms;
	uint64_t brk_start, brk, mmap_next;
	int status;
	bool exited;
};

/* Like Linux (whose syscall entry br.calls into a frame whose inputs are
 * the caller's outputs), arguments are the output registers of the frame
 * current at the break: r32 + sol onwards. */
static uint64_t arg(struct cpu *c, unsigned i)
{
	return gr_get(c, 32 + CFM_SOL(c->cfm) + i);
}

static uint64_t sys_write(struct cpu *c, struct proc *p, int *err)
{
	uint64_t fd = arg(c, 0), buf = arg(c, 1), len = arg(c, 2), done = 0;
	char tmp[4096];

	if (fd != 1 && fd != 2) {
		*err = EBADF_;
		return 0;
	}
	while (done < len) {
		size_t n = len - done > sizeof(tmp) ? sizeof(tmp) : (size_t)(len - done);

		if (memspace_copy_out(p->ms, buf + done, tmp, n)) {
			*err = 14;	/* EFAULT */
			return 0;
		}
		if (fwrite(tmp, 1, n, fd == 1 ? stdout : stderr) != n)
			break;
		done += n;
	}
	return done;
}

static uint64_t sys_brk(struct cpu *c, struct proc *p)
{
	uint64_t want = arg(c, 0);
	uint64_t old_end = (p->brk + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1);
	uint64_t new_end = (want + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1);

	if (want < p->brk_start || want - p->brk_start > BRK_MAX)
		return p->brk;
	if (new_end > old_end && memspace_map(p->ms, old_end, new_end - old_end, MS_R | MS_W))
		return p->brk;
	if (new_end < old_end)
		memspace_unmap(p->ms, new_end, old_end - new_end);
	p->brk = want;
	return p->brk;
}

/* Anonymous private mappings only, placed upwards from MMAP_BASE. */
static uint64_t sys_mmap(struct cpu *c, struct proc *p, int *err)
{
	uint64_t len = (arg(c, 1) + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1);
	uint64_t flags = arg(c, 3), a = p->mmap_next;

	if (!len || !(flags & 0x20) /* MAP_ANONYMOUS */) {
		*err = !len ? EINVAL_ : ENOSYS_;
		return 0;
	}
	if (memspace_map(p->ms, a, len, MS_R | MS_W)) {
		*err = ENOMEM_;
		return 0;
	}
	p->mmap_next = a + len + MS_PAGE_SIZE;	/* guard gap */
	return a;
}

static int do_syscall(struct cpu *c, struct proc *p)
{
	uint64_t nr = gr_get(c, 15), ret = 0;
	int err = 0;

	switch (nr) {
	case 1025:	/* exit */
	case 1236:	/* exit_group */
		p->status = (int)(arg(c, 0) & 0xff);
		p->exited = true;
		return X_HALT;
	case 1027:
		ret = sys_write(c, p, &err);
		break;
	case 1060:
		ret = sys_brk(c, p);
		break;
	case 1151:
		ret = sys_mmap(c, p, &err);
		break;
	case 1152:	/* munmap */
		if (memspace_unmap(p->ms, arg(c, 0), arg(c, 1)))
			err = EINVAL_;
		break;
	case 1041:	/* getpid */
		ret = 1;
		break;
	default:
		err = ENOSYS_;
		break;
	}
	if (err) {
		gr_set(c, 8, (uint64_t)err, false);
		gr_set(c, 10, ~0ULL, false);
	} else {
		gr_set(c, 8, ret, false);
		gr_set(c, 10, 0, false);
	}
	return X_NEXT;
}

static const char *vector_name(unsigned v)
{
	switch (v) {
	case IVT_BREAK: return "break";
	case IVT_PAGE_NOT_PRESENT: return "segmentation fault (unmapped)";
	case IVT_DACCESS_RIGHTS: return "segmentation fault (data access rights)";
	case IVT_IACCESS_RIGHTS: return "segmentation fault (execute access rights)";
	case IVT_GENERAL_EXCEPTION: return "general exception (illegal/privileged operation)";
	case IVT_NAT_CONSUMPTION: return "NaT consumption";
	case IVT_UNALIGNED: return "unaligned data reference";
	case IVT_DISABLED_FP: return "disabled FP register";
	case IVT_FP_FAULT: return "floating-point fault";
	case IVT_FP_TRAP: return "floating-point trap";
	case IVT_SPECULATION: return "speculation";
	default: return "interruption";
	}
}

static int user_hook(struct cpu *c, const struct fault *f)
{
	struct proc *p = c->priv;

	if (f->vector == IVT_BREAK && f->iim == BREAK_SYSCALL)
		return do_syscall(c, p);
	fprintf(stderr, "ia64emu: %s (vector 0x%04x, isr 0x%llx, iim 0x%llx) at ip 0x%llx slot %u",
		vector_name(f->vector), f->vector, (unsigned long long)f->isr,
		(unsigned long long)f->iim, (unsigned long long)c->ip, c->slot);
	if (f->flags & FF_IFA)
		fprintf(stderr, ", address 0x%llx", (unsigned long long)f->ifa);
	fprintf(stderr, "\n");
	/* Like a process killed by a signal: SIGILL/SIGSEGV/SIGTRAP/SIGFPE. */
	p->status = 128 + (f->vector == IVT_BREAK ? 5 :
			   f->vector == IVT_GENERAL_EXCEPTION ? 4 :
			   (f->vector == IVT_FP_FAULT || f->vector == IVT_FP_TRAP) ? 8 : 11);
	p->exited = true;
	return X_HALT;
}

static int load(struct proc *p, const struct elf_file *ef, char *err, size_t n)
{
	uint64_t top = 0;
	unsigned i, loads = 0;

	for (i = 0; i < ef->phnum; i++) {
		struct elf_segment s;
		unsigned prot;

		if (elf_segment(ef, i, &s) || s.type != PT_LOAD || !s.memsz)
			continue;
		prot = ((s.flags & PF_R) ? MS_R : 0) | ((s.flags & PF_W) ? MS_W : 0) |
		       ((s.flags & PF_X) ? MS_X : 0);
		if (memspace_map(p->ms, s.vaddr, s.memsz, prot) ||
		    memspace_copy_in(p->ms, s.vaddr, s.data, s.filesz)) {
			snprintf(err, n, "cannot map PT_LOAD at 0x%llx (overlap or bad address)",
				 (unsigned long long)s.vaddr);
			return -1;
		}
		if (s.vaddr + s.memsz > top)
			top = s.vaddr + s.memsz;
		loads++;
	}
	if (!loads) {
		snprintf(err, n, "no PT_LOAD segments");
		return -1;
	}
	p->brk_start = p->brk = (top + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1);
	return 0;
}

/* argc at sp+16, then argv[], NULL, envp NULL, auxv AT_NULL; strings above. */
static int build_stack(struct proc *p, struct cpu *c, int argc, char **argv)
{
	uint64_t strs = STACK_TOP, sp, ptrs[256];
	int i;

	if (argc > 255 || memspace_map(p->ms, STACK_TOP - STACK_SIZE, STACK_SIZE, MS_R | MS_W))
		return -1;
	for (i = argc - 1; i >= 0; i--) {
		size_t len = strlen(argv[i]) + 1;

		if (len > 4096)
			return -1;
		strs -= len;
		if (memspace_copy_in(p->ms, strs, argv[i], len))
			return -1;
		ptrs[i] = strs;
	}
	sp = (strs - 8 * (uint64_t)(argc + 5) - 16) & ~15ULL;
	{
		uint64_t v = (uint64_t)argc, z = 0, a = sp + 16;

		memspace_copy_in(p->ms, a, &v, 8);
		for (i = 0; i < argc; i++)
			memspace_copy_in(p->ms, a + 8 + 8 * (uint64_t)i, &ptrs[i], 8);
		for (i = 0; i < 4; i++)	/* argv NULL, envp NULL, AT_NULL pair */
			memspace_copy_in(p->ms, a + 8 + 8 * (uint64_t)(argc + i), &z, 8);
	}
	gr_set(c, 12, sp, false);
	return 0;
}

/*
 * IA64EMU_TRACE=N: single-step the first N bundles, printing ip, slot and
 * the key registers to stderr (debugging aid; the normal loop follows).
 */
static void trace(struct cpu *c, struct proc *p)
{
	const char *e = getenv("IA64EMU_TRACE");
	long n = e ? atol(e) : 0;
	char line[1024];
	uint8_t bytes[16];

	for (; n > 0 && !p->exited; n--) {
		if (!memspace_copy_out(p->ms, c->ip, bytes, 16)) {
			dis_bundle(c->ip, bytes, line, sizeof(line));
			fprintf(stderr, "-- slot %u cfm %llx bsp %llx r8 %llx r12 %llx\n%s", c->slot,
				(unsigned long long)c->cfm, (unsigned long long)c->ar[AR_BSP],
				(unsigned long long)gr_get(c, 8), (unsigned long long)gr_get(c, 12),
				line);
		}
		if (run_cpu(c, 1) == X_HALT)
			break;
	}
}

int user_run(int argc, char **argv, struct user_stats *st)
{
	struct elf_file ef;
	struct proc p = { 0 };
	struct cpu *c = NULL;
	struct timespec t0, t1;
	char err[256];
	uint64_t gp;
	int rc = 127;

	if (argc < 1) {
		fprintf(stderr, "usage: ia64emu run <prog> [args...]\n");
		return 2;
	}
	if (elf_open(argv[0], &ef, err, sizeof(err))) {
		fprintf(stderr, "ia64emu: %s: %s\n", argv[0], err);
		return 127;
	}
	p.ms = memspace_new(true);
	p.mmap_next = MMAP_BASE;
	if (!p.ms || !(c = cpu_new(p.ms, 0))) {
		fprintf(stderr, "ia64emu: out of memory\n");
		goto out;
	}
	if (load(&p, &ef, err, sizeof(err))) {
		fprintf(stderr, "ia64emu: %s: %s\n", argv[0], err);
		goto out;
	}
	if (memspace_map(p.ms, RBS_BASE, RBS_SIZE, MS_R | MS_W) ||
	    build_stack(&p, c, argc, argv)) {
		fprintf(stderr, "ia64emu: cannot set up the stack\n");
		goto out;
	}
	c->priv = &p;
	c->fault_hook = user_hook;
	rse_reset(c, RBS_BASE);
	c->ar[AR_RSC] = 0xf;		/* eager mode, pl 3, as Linux starts user code */
	c->ar[AR_FPSR] = FPSR_DEFAULT;
	c->psr = PSR_IC | PSR_I | PSR_DT | PSR_RT | PSR_IT | PSR_BN |
		 (3ULL << PSR_CPL_SHIFT);
	if (!elf_lookup(&ef, "__gp", &gp))
		gr_set(c, 1, gp, false);
	c->ip = ef.entry & ~15ULL;
	c->slot = 0;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	trace(c, &p);
	while (!p.exited && run_cpu(c, 1ULL << 32) != X_HALT)
		;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	fflush(stdout);
	if (st) {
		st->slots = c->retired;
		st->seconds = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	}
	rc = p.exited ? p.status : 127;
out:
	cpu_free(c);
	memspace_free(p.ms);
	elf_close(&ef);
	return rc;
}

int user_main(int argc, char **argv)
{
	struct user_stats st = { 0, 0 };
	int rc = user_run(argc, argv, &st);

	if (getenv("IA64EMU_STATS"))
		fprintf(stderr, "ia64emu: %llu slots in %.3f s (%.1f M slots/s)\n",
			(unsigned long long)st.slots, st.seconds,
			st.seconds > 0 ? st.slots / st.seconds / 1e6 : 0.0);
	return rc;
}
