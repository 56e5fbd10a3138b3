/* SPDX-License-Identifier: MIT */
/*
 * System-call numbers and the few kernel ABI structures the freestanding
 * init uses (Linux/ia64: syscall number = 1024 + syscall.tbl entry).
 */
#ifndef GUEST_SYS_H
#define GUEST_SYS_H

typedef unsigned long u64;

long sys6(long a0, long a1, long a2, long a3, long a4, long a5, long nr);
/* clone2 onto [stack, stack + size) running fn(arg); returns the child pid
 * or -errno (start.S). */
long spawn(long flags, void *stack, long size, void (*fn)(long), long arg);

#define SYS(nr)	(1024 + (nr))
enum {
	NR_exit = SYS(1), NR_read = SYS(2), NR_write = SYS(3), NR_open = SYS(4),
	NR_close = SYS(5), NR_execve = SYS(9), NR_mknod = SYS(13),
	NR_getpid = SYS(17), NR_ioctl = SYS(41), NR_getppid = SYS(18), NR_mount = SYS(19), NR_kill = SYS(29),
	NR_mkdir = SYS(31), NR_brk = SYS(36), NR_dup2 = SYS(46),
	NR_reboot = SYS(72), NR_wait4 = SYS(102), NR_clone = SYS(104),
	NR_uname = SYS(106), NR_mmap = SYS(127), NR_munmap = SYS(128),
	NR_mprotect = SYS(131), NR_nanosleep = SYS(144), NR_rt_sigaction = SYS(153),
	NR_pipe2 = SYS(293),
	NR_clock_gettime = SYS(230), NR_sched_yield = SYS(140), NR_exit_group = SYS(212),
};

#define sys0(n)			sys6(0, 0, 0, 0, 0, 0, (n))
#define sys1(n, a)		sys6((long)(a), 0, 0, 0, 0, 0, (n))
#define sys2(n, a, b)		sys6((long)(a), (long)(b), 0, 0, 0, 0, (n))
#define sys3(n, a, b, c)	sys6((long)(a), (long)(b), (long)(c), 0, 0, 0, (n))
#define sys4(n, a, b, c, d)	sys6((long)(a), (long)(b), (long)(c), (long)(d), 0, 0, (n))

#define EBADF		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGCHLD		17
#define SA_SIGINFO	0x4
#define CLONE_VM	0x100
#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_PRIVATE	0x02
#define MAP_ANONYMOUS	0x20
#define O_RDWR		2
#define S_IFCHR		0020000
#define CLOCK_MONOTONIC	1
#define TCSBRK		0x5409	/* with arg 1: tcdrain() */

#define REBOOT_MAGIC1		0xfee1deadL
#define REBOOT_MAGIC2		672274793L
#define REBOOT_POWER_OFF	0x4321fedcL

/* The kernel's struct sigaction on ia64 (SA_RESTORER is defined, so the
 * restorer slot exists; the kernel's gate page does the return). */
struct k_sigaction {
	void *handler;		/* a function descriptor, as every ia64 fn pointer */
	u64 flags;
	void *restorer;
	u64 mask;
};

/* Only the fields the tests read; the kernel's siginfo is 128 bytes. */
struct k_siginfo {
	int signo, err, code, pad;
	void *addr;		/* SIGSEGV: faulting address */
	u64 rest[14];
};

struct k_timespec {
	long sec, nsec;
};

struct k_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domain[65];
};

#endif
